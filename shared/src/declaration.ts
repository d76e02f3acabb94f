import type { GroupLanguage } from './languages.js';

/**
 * The declaration everyone accepts before entering, unless the group wrote its own: one per group
 * language (a new group gets the one of its language), each with a plain-words version (short sentences,
 * common words, one idea per line). In a module without schemas so that the home page can show it
 * without loading zod. A group's own text is its content and has no other version.
 */
export const DEFAULT_DECLARATIONS: Record<GroupLanguage, string> = {
  en:
    'I will keep absolutely confidential everything I see and hear at this meeting: who was here and ' +
    'what anyone said. I will not repeat it, record it or use it outside the group, in any form. ' +
    'This promise has no end date: it holds after the meeting and after I leave the group.',
  ru:
    'Я сохраню в полной тайне всё, что увижу и услышу на этой встрече: кто на ней был и кто что говорил. ' +
    'Я не буду пересказывать, записывать или использовать это за пределами группы ни в какой форме. ' +
    'У этого обещания нет срока: оно действует и после встречи, и после того, как я уйду из группы.',
  uk:
    'Я збережу в повній таємниці все, що побачу й почую на цій зустрічі: хто на ній був і хто що казав. ' +
    'Я не переказуватиму, не записуватиму й не використовуватиму цього поза групою в жодній формі. ' +
    'Ця обіцянка не має терміну: вона діє і після зустрічі, і після того, як я піду з групи.',
  es:
    'Mantendré en absoluta confidencialidad todo lo que vea y oiga en esta reunión: quién estuvo y lo ' +
    'que dijo cada persona. No lo repetiré, no lo grabaré ni lo usaré fuera del grupo, de ninguna forma. ' +
    'Este compromiso no caduca: sigue en pie después de la reunión y después de que yo deje el grupo.',
  fr:
    'Je garderai strictement confidentiel tout ce que je vois et entends pendant cette réunion\u00a0: qui ' +
    'était là et ce que chacun a dit. Je ne le répéterai pas, je ne l’enregistrerai pas et je ne ' +
    'l’utiliserai pas en dehors du groupe, sous aucune forme. Cet engagement n’a pas de fin\u00a0: il ' +
    'vaut après la réunion et après mon départ du groupe.',
  de:
    'Ich behandle alles, was ich bei diesem Treffen sehe und höre, absolut vertraulich: wer da war und ' +
    'was jemand gesagt hat. Ich werde es nicht weitererzählen, nicht aufzeichnen und außerhalb der ' +
    'Gruppe in keiner Form verwenden. Dieses Versprechen endet nie: Es gilt nach dem Treffen und auch ' +
    'dann, wenn ich die Gruppe verlassen habe.',
};

/** The same promise in plain words: one idea per line. */
export const PLAIN_DECLARATIONS: Record<GroupLanguage, string> = {
  en: [
    'What I see and hear here stays here.',
    'I will not tell anyone who was here.',
    'I will not tell anyone what people said.',
    'I will not record anything.',
    'This promise does not end.',
    'It still counts after the meeting.',
    'It still counts if I leave the group.',
  ].join('\n'),
  ru: [
    'Что я вижу и слышу здесь, остаётся здесь.',
    'Я никому не скажу, кто здесь был.',
    'Я никому не скажу, что говорили люди.',
    'Я ничего не буду записывать.',
    'Это обещание не кончается.',
    'Оно действует и после встречи.',
    'Оно действует, даже если я уйду из группы.',
  ].join('\n'),
  uk: [
    'Що я бачу й чую тут, залишається тут.',
    'Я нікому не скажу, хто тут був.',
    'Я нікому не скажу, що казали люди.',
    'Я нічого не записуватиму.',
    'Ця обіцянка не закінчується.',
    'Вона діє і після зустрічі.',
    'Вона діє, навіть якщо я піду з групи.',
  ].join('\n'),
  es: [
    'Lo que veo y oigo aquí, se queda aquí.',
    'No diré a nadie quién estuvo aquí.',
    'No contaré a nadie lo que dijo la gente.',
    'No grabaré nada.',
    'Esta promesa no se acaba.',
    'Vale también después de la reunión.',
    'Vale también si dejo el grupo.',
  ].join('\n'),
  fr: [
    'Ce que je vois et entends ici reste ici.',
    'Je ne dirai à personne qui était là.',
    'Je ne répéterai à personne ce qu’on a dit.',
    'Je n’enregistrerai rien.',
    'Cette promesse ne s’arrête pas.',
    'Elle compte encore après la réunion.',
    'Elle compte encore si je quitte le groupe.',
  ].join('\n'),
  de: [
    'Was ich hier sehe und höre, bleibt hier.',
    'Ich sage niemandem, wer hier war.',
    'Ich erzähle niemandem, was die Leute gesagt haben.',
    'Ich nehme nichts auf.',
    'Dieses Versprechen hört nicht auf.',
    'Es gilt auch nach dem Treffen.',
    'Es gilt auch, wenn ich die Gruppe verlasse.',
  ].join('\n'),
};

/** The English default, as before languages (kept for callers and tests that name it). */
export const DEFAULT_DECLARATION = DEFAULT_DECLARATIONS.en;

/** The language whose default this text is, or null for a group's own declaration. */
export function defaultDeclarationLanguage(text: string): GroupLanguage | null {
  const trimmed = text.trim();
  for (const [language, value] of Object.entries(DEFAULT_DECLARATIONS))
    if (value === trimmed) return language as GroupLanguage;
  return null;
}

/**
 * What a person reads before entering: a default declaration in their own language (the same promise,
 * whichever language the group stored it in), in plain words if they asked; a group's own text as written.
 * `language` is the text's language, for reading it aloud; null when it is the group's own text.
 */
export function declarationToShow(
  stored: string,
  reader: GroupLanguage,
  plain: boolean,
): { text: string; language: GroupLanguage | null; isDefault: boolean } {
  if (defaultDeclarationLanguage(stored) === null) return { text: stored, language: null, isDefault: false };
  return {
    text: (plain ? PLAIN_DECLARATIONS : DEFAULT_DECLARATIONS)[reader],
    language: reader,
    isDefault: true,
  };
}
