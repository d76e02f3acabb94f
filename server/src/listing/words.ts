import { GROUP_LANGUAGES, type GroupLanguage, type MeetingType } from '@circle/shared';

/**
 * The few words of the public meeting pages, in the six languages Circle speaks. These pages are rendered
 * on the server (they must work without the client's script, for directories and screen readers alike),
 * so they carry this small dictionary instead of the client's react-intl messages.
 */
export interface PageWords {
  title: string;
  intro: string;
  none: string;
  feed: string;
  day: string;
  time: string;
  length: string;
  language: string;
  type: string;
  kind: Record<'open' | 'replacement' | 'reformed', string>;
  types: Record<MeetingType, string>;
  cameras: string;
  noSchedule: string;
  next: string;
  join: string;
  calendar: string;
  expect: string;
  location: string;
  contribute: string;
  howItRuns: string;
  mayPass: string;
  camerasText: string;
  confidential: string;
  leaving: string;
  ownWords: string;
  back: string;
}

const en: PageWords = {
  title: 'Meetings',
  intro: 'Online groups that welcome newcomers. Join leads to a waiting room: a facilitator lets you in.',
  none: 'No meetings are listed yet.',
  feed: 'Meeting list for directories (JSON)',
  day: 'Day',
  time: 'Time',
  length: 'Length',
  language: 'Language',
  type: 'Type',
  kind: { open: 'Drop-in', replacement: 'Closed group', reformed: 'Closed group, re-formed' },
  types: {
    twelveStep: '12-step',
    smart: 'SMART Recovery',
    harmReduction: 'Harm reduction',
    parents: 'Parents’ group',
    process: 'Interpersonal process group',
    other: 'Other',
  },
  cameras: 'Cameras are optional',
  noSchedule: 'No fixed day',
  next: 'Next meeting',
  join: 'Join',
  calendar: 'Add to calendar',
  expect: 'What to expect',
  location: 'Area',
  contribute: 'Contribute to the group',
  howItRuns:
    'A facilitator opens the meeting and reads a few words. Then people take turns to speak, one at a time, while the others listen.',
  mayPass: 'You may pass: you never have to speak. Listening is enough.',
  camerasText: 'Your camera may stay off. You choose the name others see; a first name is enough.',
  confidential:
    'What is said in the group stays in the group. Nobody records. Please do not tell others who was there or what they said.',
  leaving: 'You can leave at any time with the Leave button, or by closing the page. Nobody will ask why.',
  ownWords: 'In the group’s own words',
  back: 'All meetings',
};

const ru: PageWords = {
  title: 'Встречи',
  intro: 'Онлайн-группы, открытые для новичков. «Войти» ведёт в комнату ожидания: ведущий впустит вас.',
  none: 'Пока нет открытых встреч.',
  feed: 'Список встреч для каталогов (JSON)',
  day: 'День',
  time: 'Время',
  length: 'Длительность',
  language: 'Язык',
  type: 'Тип',
  kind: { open: 'Открытая', replacement: 'Закрытая группа', reformed: 'Закрытая группа, набор заново' },
  types: {
    twelveStep: '12 шагов',
    smart: 'SMART Recovery',
    harmReduction: 'Снижение вреда',
    parents: 'Группа для родителей',
    process: 'Группа межличностного процесса',
    other: 'Другое',
  },
  cameras: 'Камера по желанию',
  noSchedule: 'Без постоянного дня',
  next: 'Следующая встреча',
  join: 'Войти',
  calendar: 'Добавить в календарь',
  expect: 'Чего ожидать',
  location: 'Район',
  contribute: 'Поддержать группу',
  howItRuns:
    'Ведущий открывает встречу и читает несколько слов. Потом участники говорят по очереди, по одному, а остальные слушают.',
  mayPass: 'Можно пропустить свою очередь: говорить не обязательно. Достаточно слушать.',
  camerasText: 'Камеру можно не включать. Имя, которое видят другие, выбираете вы; достаточно имени.',
  confidential:
    'Что сказано в группе, остаётся в группе. Никто не записывает. Не рассказывайте другим, кто был и что говорил.',
  leaving: 'Уйти можно в любой момент кнопкой «Выйти» или закрыв страницу. Никто не спросит почему.',
  ownWords: 'Словами самой группы',
  back: 'Все встречи',
};

const uk: PageWords = {
  title: 'Зустрічі',
  intro: 'Онлайн-групи, відкриті для новачків. «Увійти» веде до кімнати очікування: ведучий впустить вас.',
  none: 'Поки немає відкритих зустрічей.',
  feed: 'Список зустрічей для каталогів (JSON)',
  day: 'День',
  time: 'Час',
  length: 'Тривалість',
  language: 'Мова',
  type: 'Тип',
  kind: { open: 'Відкрита', replacement: 'Закрита група', reformed: 'Закрита група, набір наново' },
  types: {
    twelveStep: '12 кроків',
    smart: 'SMART Recovery',
    harmReduction: 'Зменшення шкоди',
    parents: 'Група для батьків',
    process: 'Група міжособистісного процесу',
    other: 'Інше',
  },
  cameras: 'Камера за бажанням',
  noSchedule: 'Без постійного дня',
  next: 'Наступна зустріч',
  join: 'Увійти',
  calendar: 'Додати до календаря',
  expect: 'Чого очікувати',
  location: 'Район',
  contribute: 'Підтримати групу',
  howItRuns:
    'Ведучий відкриває зустріч і читає кілька слів. Потім учасники говорять по черзі, по одному, а інші слухають.',
  mayPass: 'Можна пропустити свою чергу: говорити не обовʼязково. Досить слухати.',
  camerasText: 'Камеру можна не вмикати. Імʼя, яке бачать інші, обираєте ви; досить імені.',
  confidential:
    'Що сказано в групі, залишається в групі. Ніхто не записує. Не розповідайте іншим, хто був і що казав.',
  leaving: 'Піти можна будь-коли кнопкою «Вийти» або закривши сторінку. Ніхто не спитає чому.',
  ownWords: 'Словами самої групи',
  back: 'Усі зустрічі',
};

const es: PageWords = {
  title: 'Reuniones',
  intro:
    'Grupos en línea abiertos a recién llegados. «Entrar» lleva a una sala de espera: una persona facilitadora te deja pasar.',
  none: 'Todavía no hay reuniones publicadas.',
  feed: 'Lista de reuniones para directorios (JSON)',
  day: 'Día',
  time: 'Hora',
  length: 'Duración',
  language: 'Idioma',
  type: 'Tipo',
  kind: { open: 'Abierta', replacement: 'Grupo cerrado', reformed: 'Grupo cerrado, se forma de nuevo' },
  types: {
    twelveStep: '12 pasos',
    smart: 'SMART Recovery',
    harmReduction: 'Reducción de daños',
    parents: 'Grupo de madres y padres',
    process: 'Grupo de proceso interpersonal',
    other: 'Otro',
  },
  cameras: 'La cámara es opcional',
  noSchedule: 'Sin día fijo',
  next: 'Próxima reunión',
  join: 'Entrar',
  calendar: 'Añadir al calendario',
  expect: 'Qué esperar',
  location: 'Zona',
  contribute: 'Contribuir al grupo',
  howItRuns:
    'Una persona facilitadora abre la reunión y lee unas palabras. Luego cada cual habla por turnos, de uno en uno, mientras los demás escuchan.',
  mayPass: 'Puedes pasar: nunca tienes que hablar. Escuchar es suficiente.',
  camerasText:
    'Puedes dejar la cámara apagada. Tú eliges el nombre que ven los demás; basta un nombre de pila.',
  confidential:
    'Lo que se dice en el grupo se queda en el grupo. Nadie graba. No cuentes a otros quién estuvo ni qué dijo.',
  leaving: 'Puedes irte cuando quieras con el botón Salir o cerrando la página. Nadie te preguntará por qué.',
  ownWords: 'En palabras del propio grupo',
  back: 'Todas las reuniones',
};

const fr: PageWords = {
  title: 'Réunions',
  intro:
    'Des groupes en ligne ouverts aux nouveaux venus. « Rejoindre » mène à une salle d’attente : un animateur vous fait entrer.',
  none: 'Aucune réunion n’est encore publiée.',
  feed: 'Liste des réunions pour les annuaires (JSON)',
  day: 'Jour',
  time: 'Heure',
  length: 'Durée',
  language: 'Langue',
  type: 'Type',
  kind: { open: 'Ouverte', replacement: 'Groupe fermé', reformed: 'Groupe fermé, reformé' },
  types: {
    twelveStep: '12 étapes',
    smart: 'SMART Recovery',
    harmReduction: 'Réduction des risques',
    parents: 'Groupe de parents',
    process: 'Groupe de processus interpersonnel',
    other: 'Autre',
  },
  cameras: 'Caméra facultative',
  noSchedule: 'Pas de jour fixe',
  next: 'Prochaine réunion',
  join: 'Rejoindre',
  calendar: 'Ajouter au calendrier',
  expect: 'À quoi s’attendre',
  location: 'Secteur',
  contribute: 'Contribuer au groupe',
  howItRuns:
    'Un animateur ouvre la réunion et lit quelques mots. Puis chacun parle à son tour, un à la fois, pendant que les autres écoutent.',
  mayPass: 'Vous pouvez passer : vous n’êtes jamais obligé de parler. Écouter suffit.',
  camerasText:
    'Votre caméra peut rester éteinte. Vous choisissez le nom que les autres voient ; un prénom suffit.',
  confidential:
    'Ce qui se dit dans le groupe reste dans le groupe. Personne n’enregistre. Ne dites à personne qui était là ni ce qui a été dit.',
  leaving:
    'Vous pouvez partir à tout moment avec le bouton Quitter, ou en fermant la page. Personne ne demandera pourquoi.',
  ownWords: 'Dans les mots du groupe',
  back: 'Toutes les réunions',
};

const de: PageWords = {
  title: 'Treffen',
  intro:
    'Online-Gruppen, die Neue willkommen heißen. „Teilnehmen“ führt in einen Warteraum: Eine Moderation lässt Sie herein.',
  none: 'Noch sind keine Treffen eingetragen.',
  feed: 'Treffenliste für Verzeichnisse (JSON)',
  day: 'Tag',
  time: 'Uhrzeit',
  length: 'Dauer',
  language: 'Sprache',
  type: 'Art',
  kind: { open: 'Offen', replacement: 'Geschlossene Gruppe', reformed: 'Geschlossene Gruppe, neu gebildet' },
  types: {
    twelveStep: '12 Schritte',
    smart: 'SMART Recovery',
    harmReduction: 'Schadensminderung',
    parents: 'Elterngruppe',
    process: 'Interpersonelle Prozessgruppe',
    other: 'Andere',
  },
  cameras: 'Kamera freiwillig',
  noSchedule: 'Kein fester Tag',
  next: 'Nächstes Treffen',
  join: 'Teilnehmen',
  calendar: 'Zum Kalender hinzufügen',
  expect: 'Was Sie erwartet',
  location: 'Gegend',
  contribute: 'Die Gruppe unterstützen',
  howItRuns:
    'Eine Moderation eröffnet das Treffen und liest ein paar Worte. Dann spricht reihum jeweils eine Person, die anderen hören zu.',
  mayPass: 'Sie dürfen aussetzen: Sie müssen nie sprechen. Zuhören genügt.',
  camerasText: 'Ihre Kamera darf aus bleiben. Den Namen, den andere sehen, wählen Sie; ein Vorname genügt.',
  confidential:
    'Was in der Gruppe gesagt wird, bleibt in der Gruppe. Niemand nimmt auf. Erzählen Sie niemandem, wer da war oder was gesagt wurde.',
  leaving:
    'Sie können jederzeit mit „Verlassen“ gehen oder die Seite schließen. Niemand fragt nach dem Grund.',
  ownWords: 'In den Worten der Gruppe',
  back: 'Alle Treffen',
};

export const PAGE_WORDS: Record<GroupLanguage, PageWords> = { en, ru, uk, es, fr, de };

/** The first of the reader's languages (Accept-Language, in order of preference) that we speak. */
export function pageLanguage(acceptLanguage: string | undefined): GroupLanguage {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) || 0 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = wanted.find((w) => (GROUP_LANGUAGES as readonly string[]).includes(w.lang));
  return (found?.lang as GroupLanguage | undefined) ?? 'en';
}
