import { describe, expect, it } from 'vitest';
import { language } from '../src/cleaners/language.js';
import { newLine } from '../src/doc.js';
import { detectLanguage } from '../src/lang.js';
import { defaultOptions } from '../src/options.js';

// Invented paragraphs, one per language of the fixtures.
const samples: Record<string, string> = {
  de: 'Im Frühjahr haben wir den alten Gemüsegarten hinter dem Haus wieder hergerichtet und die ersten Beete angelegt.',
  fr: 'Au printemps, nous avons remis en état le vieux potager derrière la maison et préparé les premières plates-bandes.',
  es: 'En primavera arreglamos el viejo huerto detrás de la casa y preparamos los primeros bancales de tomates.',
  pt: 'Na primavera arrumamos a velha horta atrás da casa e preparamos os primeiros canteiros de tomates e alface.',
  ru: 'Весной мы привели в порядок старый огород за домом и подготовили первые грядки для помидоров и огурцов.',
  pl: 'Wiosną uporządkowaliśmy stary ogród warzywny za domem i przygotowaliśmy pierwsze grządki na pomidory.',
  ja: '春になったので、家の裏にある古い畑を片付けて、トマトときゅうりのための最初の畝を作りました。',
  zh: '春天到了，我们整理了房子后面的旧菜园，并为番茄和黄瓜准备了第一批菜畦。',
};

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(samples)) {
    it(`detects ${lang}`, () => expect(detectLanguage(text)).toBe(lang));
  }

  it('returns null for too little text', () => {
    expect(detectLanguage('Home')).toBeNull();
    expect(detectLanguage('12:30 — 5 / 7')).toBeNull();
  });
});

describe('language cleaner', () => {
  it('sets doc.lang from the longest lines, ignoring menus', () => {
    const lines = ['Home', 'About', 'Contact', samples.de, 'Menu', samples.de.replace('Frühjahr', 'Sommer')].map((t, i) => newLine(i + 1, t));
    const doc = { source: '-', lines, lang: null as string | null, warnings: [] };
    language.run(doc, defaultOptions);
    expect(doc.lang).toBe('de');
  });

  it('leaves null on a page without text', () => {
    const doc = { source: '-', lines: [newLine(1, 'Home')], lang: null as string | null, warnings: [] };
    language.run(doc, defaultOptions);
    expect(doc.lang).toBeNull();
  });
});
