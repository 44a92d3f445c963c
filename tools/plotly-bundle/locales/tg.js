'use strict';

// Tajik (Cyrillic) locale for plotly.js, which does not ship one. Same shape as
// plotly.js/lib/locales/ru.js: every entry of ru's dictionary is translated here, plus the
// UI strings plotly.js 4.x added since (drawing tools, JSON download, sharing, subtitle).
// Numbers: decimal comma and a no-break space (U+00A0) between thousands, as in ru.
module.exports = {
    moduleType: 'locale',
    name: 'tg',
    dictionary: {
        'Autoscale': 'Миқёсбандии худкор',
        'Box Select': 'Интихоби майдони росткунҷа',
        'Click to enter Colorscale title': 'Барои ворид кардани номи миқёси рангҳо пахш кунед',
        'Click to enter Component A title': 'Барои ворид кардани номи ҷузъи A пахш кунед',
        'Click to enter Component B title': 'Барои ворид кардани номи ҷузъи B пахш кунед',
        'Click to enter Component C title': 'Барои ворид кардани номи ҷузъи C пахш кунед',
        'Click to enter Plot title': 'Барои ворид кардани номи график пахш кунед',
        'Click to enter X axis title': 'Барои ворид кардани номи меҳвари X пахш кунед',
        'Click to enter Y axis title': 'Барои ворид кардани номи меҳвари Y пахш кунед',
        'Click to enter radial axis title': 'Барои ворид кардани номи меҳвари радиалӣ пахш кунед',
        'Compare data on hover': 'Ҳангоми бурдани курсор ҳамаи маълумотро муқоиса кардан',
        'Double-click on legend to isolate one trace': 'Барои ҷудо кардани як қатор дар легенда ду бор пахш кунед',
        'Double-click to zoom back out': 'Барои баргаштан ба миқёси аввала ду бор пахш кунед',
        'Download plot': 'Боргирии график',
        'Download plot as a PNG': 'Боргирии график ҳамчун PNG',
        'Edit in Chart Studio': 'Таҳрир дар Chart Studio',
        'IE only supports svg.  Changing format to svg.': 'IE танҳо svg-ро дастгирӣ мекунад. Формат ба svg иваз карда мешавад.',
        'Lasso Select': 'Интихоби лассо',
        'Orbital rotation': 'Гардиши мадорӣ',
        'Pan': 'Ҷойивазкунӣ',
        'Produced with Plotly.js': 'Бо Plotly.js сохта шудааст',
        'Reset': 'Барқарор кардан',
        'Reset axes': 'Барқарор кардани меҳварҳо',
        'Reset camera to default': 'Барқарор кардани камера ба ҳолати пешфарз',
        'Reset camera to last save': 'Барқарор кардани камера ба ҳолати охирини захирашуда',
        'Reset view': 'Барқарор кардани намо',
        'Reset views': 'Барқарор кардани намоҳо',
        'Show closest data on hover': 'Ҳангоми бурдани курсор маълумоти наздиктаринро нишон додан',
        'Image download succeeded': 'Тасвир бомуваффақият боргирӣ шуд',
        'Sorry, there was a problem downloading your image!': 'Бубахшед, ҳангоми боргирии тасвир мушкилот ба миён омад!',
        'Preparing image - this may take a few seconds': 'Тасвир омода мешавад - ин метавонад чанд сония вақт гирад',
        'Toggle Spike Lines': 'Фаъол/ғайрифаъол кардани хатҳои проексия',
        'Toggle show closest data on hover': 'Фаъол/ғайрифаъол кардани нишон додани маълумоти наздиктарин ҳангоми бурдани курсор',
        'Turntable rotation': 'Гардиш дар атрофи меҳвар',
        'Zoom': 'Тағйири миқёс',
        'Zoom in': 'Калон кардан',
        'Zoom out': 'Хурд кардан',
        'close:': 'Пӯшиш:',
        'concentration:': 'Консентратсия:',
        'high:': 'Ҳадди аксар:',
        'incoming flow count:': 'Шумораи пайвастҳои воридшаванда:',
        'kde:': 'Арзёбии ядроии зичӣ:',
        'lat:': 'Арзи ҷуғрофӣ:',
        'lon:': 'Тӯли ҷуғрофӣ:',
        'low:': 'Ҳадди ақал:',
        'lower fence:': 'Сарҳади поён:',
        'max:': 'Макс.:',
        'mean ± σ:': 'Миёна ± σ:',
        'mean:': 'Миёна:',
        'median:': 'Медиана:',
        'min:': 'Мин.:',
        'new text': 'Матни нав',
        'open:': 'Кушоиш:',
        'outgoing flow count:': 'Шумораи пайвастҳои баромадшаванда:',
        'q1:': 'q1:',
        'q3:': 'q3:',
        'source:': 'Манбаъ:',
        'target:': 'Ҳадаф:',
        'trace': 'Қатор',
        'upper fence:': 'Сарҳади боло:',

        // Strings plotly.js 4.x uses that ru.js does not translate yet.
        'Cancel': 'Бекор кардан',
        'Click to enter Plot subtitle': 'Барои ворид кардани зерноми график пахш кунед',
        'Download plot as JSON': 'Боргирии график ҳамчун JSON',
        'Draw circle': 'Кашидани доира',
        'Draw closed freeform': 'Кашидани шакли озоди пӯшида',
        'Draw line': 'Кашидани хат',
        'Draw open freeform': 'Кашидани шакли озоди кушода',
        'Draw rectangle': 'Кашидани росткунҷа',
        'Erase active shape': 'Пок кардани шакли фаъол',
        'JSON download succeeded': 'Файли JSON бомуваффақият боргирӣ шуд',
        'Share': 'Мубодила',
        'Share chart': 'Мубодилаи график',
        'Share chart...': 'Мубодилаи график...',
        'Sorry, there was a problem downloading your JSON file!': 'Бубахшед, ҳангоми боргирии файли JSON мушкилот ба миён омад!',
        'This chart will be sent to {serverUrl}.': 'Ин график ба {serverUrl} фиристода мешавад.',
        'This chart will be uploaded to {Plotly Cloud} to create a sharing link. Only you can see it until you change its visibility.':
            'Ин график барои сохтани пайванди мубодила ба {Plotly Cloud} бор карда мешавад. То он даме, ки шумо намоёниашро тағйир надиҳед, онро танҳо шумо дида метавонед.'
    },
    format: {
        days: [
            'Якшанбе', 'Душанбе', 'Сешанбе', 'Чоршанбе',
            'Панҷшанбе', 'Ҷумъа', 'Шанбе'
        ],
        shortDays: ['Яш', 'Дш', 'Сш', 'Чш', 'Пш', 'Ҷм', 'Шб'],
        months: [
            'Январ', 'Феврал', 'Март', 'Апрел', 'Май', 'Июн',
            'Июл', 'Август', 'Сентябр', 'Октябр', 'Ноябр', 'Декабр'
        ],
        shortMonths: [
            'Янв.', 'Фев.', 'Март', 'Апр.', 'Май', 'Июн',
            'Июл', 'Авг.', 'Сен.', 'Окт.', 'Ноя.', 'Дек.'
        ],
        date: '%d.%m.%Y',
        decimal: ',',
        thousands: '\u00a0'
    }
};
