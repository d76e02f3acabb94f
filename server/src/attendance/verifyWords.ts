import type { GroupLanguage } from '@circle/shared';

/**
 * The few words of the public `/verify` page, rendered on the server like the meeting list (it must work
 * for whoever is handed a printed proof, without the client), so it carries its own small dictionary.
 */
export interface VerifyWords {
  title: string;
  ask: string;
  code: string;
  check: string;
  valid: string;
  invalid: string;
  limited: string;
  group: string;
  date: string;
  name: string;
  print: string;
  /** The link to the same proof as a PDF file. */
  pdf: string;
  /** Printed in the PDF before the /verify address. */
  checkAt: string;
}

export const VERIFY_WORDS: Record<GroupLanguage, VerifyWords> = {
  en: {
    title: 'Proof of attendance',
    ask: 'Enter the verification code printed on the proof.',
    code: 'Verification code',
    check: 'Check',
    valid: 'This code is valid. The proof says:',
    invalid: 'No proof has this code. It may be mistyped, forged, or its group deleted.',
    limited: 'Too many tries from your address. Please wait a few minutes.',
    group: 'Group',
    date: 'Date of the meeting',
    name: 'Attended',
    print: 'Save as PDF / Print',
    pdf: 'Download as a PDF file',
    checkAt: 'Check this code at',
  },
  ru: {
    title: 'Подтверждение посещения',
    ask: 'Введите код проверки, напечатанный на подтверждении.',
    code: 'Код проверки',
    check: 'Проверить',
    valid: 'Код действителен. В подтверждении указано:',
    invalid: 'Подтверждения с таким кодом нет. Возможно, код введён с ошибкой, подделан или группа удалена.',
    limited: 'Слишком много попыток с вашего адреса. Подождите несколько минут.',
    group: 'Группа',
    date: 'Дата встречи',
    name: 'Присутствовал(а)',
    print: 'Сохранить в PDF / Печать',
    pdf: 'Скачать файл PDF',
    checkAt: 'Проверить код можно на',
  },
  uk: {
    title: 'Підтвердження відвідування',
    ask: 'Введіть код перевірки, надрукований на підтвердженні.',
    code: 'Код перевірки',
    check: 'Перевірити',
    valid: 'Код дійсний. У підтвердженні зазначено:',
    invalid:
      'Підтвердження з таким кодом немає. Можливо, код введено з помилкою, підроблено або групу видалено.',
    limited: 'Забагато спроб з вашої адреси. Зачекайте кілька хвилин.',
    group: 'Група',
    date: 'Дата зустрічі',
    name: 'Був(ла) присутній(я)',
    print: 'Зберегти як PDF / Друк',
    pdf: 'Завантажити файл PDF',
    checkAt: 'Перевірити код можна на',
  },
  es: {
    title: 'Constancia de asistencia',
    ask: 'Escribe el código de verificación impreso en la constancia.',
    code: 'Código de verificación',
    check: 'Comprobar',
    valid: 'Este código es válido. La constancia dice:',
    invalid:
      'Ninguna constancia tiene este código. Puede estar mal escrito, ser falso o su grupo se eliminó.',
    limited: 'Demasiados intentos desde tu dirección. Espera unos minutos.',
    group: 'Grupo',
    date: 'Fecha de la reunión',
    name: 'Asistió',
    print: 'Guardar como PDF / Imprimir',
    pdf: 'Descargar como archivo PDF',
    checkAt: 'Comprueba este código en',
  },
  fr: {
    title: 'Attestation de présence',
    ask: 'Saisissez le code de vérification imprimé sur l’attestation.',
    code: 'Code de vérification',
    check: 'Vérifier',
    valid: 'Ce code est valide. L’attestation indique :',
    invalid:
      'Aucune attestation ne porte ce code. Il est peut-être mal saisi, falsifié, ou son groupe a été supprimé.',
    limited: 'Trop d’essais depuis votre adresse. Patientez quelques minutes.',
    group: 'Groupe',
    date: 'Date de la réunion',
    name: 'Présent·e',
    print: 'Enregistrer en PDF / Imprimer',
    pdf: 'Télécharger le fichier PDF',
    checkAt: 'Vérifiez ce code sur',
  },
  de: {
    title: 'Teilnahmebestätigung',
    ask: 'Geben Sie den Prüfcode ein, der auf der Bestätigung steht.',
    code: 'Prüfcode',
    check: 'Prüfen',
    valid: 'Dieser Code ist gültig. Die Bestätigung lautet:',
    invalid:
      'Keine Bestätigung hat diesen Code. Er ist vielleicht vertippt, gefälscht, oder die Gruppe wurde gelöscht.',
    limited: 'Zu viele Versuche von Ihrer Adresse. Bitte warten Sie einige Minuten.',
    group: 'Gruppe',
    date: 'Datum des Treffens',
    name: 'Teilgenommen',
    print: 'Als PDF speichern / Drucken',
    pdf: 'Als PDF-Datei herunterladen',
    checkAt: 'Diesen Code prüfen unter',
  },
};
