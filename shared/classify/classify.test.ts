import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { latinToCyrillic } from '../text/transliterate';

/** Our own hard cases (not corpus lines, not the training examples). */
const RELEVANT = {
  latin: {
    title: 'MUP postavlja nove kamere sa prepoznavanjem lica na Slaviji',
    text: 'Ministarstvo unutrašnjih poslova Srbije proširuje sistem Huawei kamera u Beogradu uprkos upozorenjima Poverenika.',
  },
  noDiacritics: {
    title: 'MUP postavlja nove kamere sa prepoznavanjem lica na Slaviji',
    text: 'Ministarstvo unutrasnjih poslova Srbije prosiruje sistem Huawei kamera u Beogradu uprkos upozorenjima Poverenika.',
  },
  english: {
    title: 'Belgrade expands facial recognition cameras despite Commissioner warnings',
    text: 'Serbia’s interior ministry is adding hundreds of Huawei cameras able to recognise faces to its Safe City system.',
  },
};

describe('classify: relevant items in every script', () => {
  it('flags the Latin, diacritic-free and Cyrillic forms alike, with the same score', () => {
    const latin = classify(RELEVANT.latin);
    const ascii = classify(RELEVANT.noDiacritics);
    const cyrillic = classify({ title: latinToCyrillic(RELEVANT.latin.title), text: latinToCyrillic(RELEVANT.latin.text) });
    for (const c of [latin, ascii, cyrillic]) {
      expect(c.relevant).toBe(true);
      expect(c.topics).toEqual(expect.arrayContaining(['cameras', 'face-recognition', 'huawei-safe-city']));
      expect(c.lang).toBe('sr');
    }
    expect(ascii.score).toBe(latin.score);
    expect(cyrillic.score).toBe(latin.score);
    expect(latin.script).toBe('Latn');
    expect(cyrillic.script).toBe('Cyrl');
  });

  it('flags English coverage and explains why', () => {
    const c = classify(RELEVANT.english);
    expect(c.relevant).toBe(true);
    expect(c.lang).toBe('en');
    expect(c.reasons.join(' ')).toMatch(/face recognition/);
    expect(c.reasons.join(' ')).toMatch(/Serbia/);
  });

  it('matches inflected forms', () => {
    const c = classify({
      title: 'Kamerama za prepoznavanje lica pokriveni Beograd i Novi Sad',
      text: 'Biometrijskim nadzorom gradjana u Srbiji bavi se Nacrt zakona o unutrašnjim poslovima.',
    });
    expect(c.relevant).toBe(true);
    expect(c.topics).toContain('law');
  });

  it('flags the draft law, the Commissioner and the campaign', () => {
    expect(classify({ title: 'Povučen Nacrt zakona o unutrašnjim poslovima', text: 'Vlada Srbije povukla je nacrt koji je predviđao biometrijski nadzor.' }).relevant).toBe(true);
    expect(classify({ title: 'Hiljade kamera: građani mapirali nadzorne kamere po Beogradu', text: 'SHARE fondacija objavila je mapu kamera.' }).relevant).toBe(true);
  });

  it('returns the documented shape', () => {
    const c = classify({ title: 'x' });
    expect(Object.keys(c).sort()).toEqual(['lang', 'reasons', 'relevant', 'score', 'script', 'topics']);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
  });
});

describe('classify: look-alikes are not relevant', () => {
  const notRelevant = (title: string, text = '') => {
    const c = classify({ title, text });
    expect(c.relevant, `${title}: ${c.score} ${c.reasons.join('; ')}`).toBe(false);
    return c;
  };

  it('legal person ("pravno lice", "fizičko lice")', () => {
    const c = notRelevant('Kazne za pravno lice i odgovorno lice u pravnom licu', 'Fizičko lice koje ne prijavi promenu kazniće se novčanom kaznom; nadzor vrši inspekcija.');
    expect(c.reasons.join(' ')).toMatch(/legal-person/);
    notRelevant('Правно лице и физичко лице пред инспекцијским надзором');
  });

  it('camera reviews', () => {
    notRelevant('Test telefona: kamera od 108 megapiksela i prepoznavanje lica za otključavanje', 'Novi Samsung telefon u prodaji u Srbiji od petka.');
    notRelevant('Best dash cams of the year reviewed', 'We tested cameras with night vision and parking mode.');
  });

  it('biometric passports and ID cards', () => {
    notRelevant('Od ponedeljka nove biometrijske lične karte u Srbiji', 'Građani predaju otisak prsta i fotografiju u policijskoj stanici.');
    notRelevant('Serbia starts issuing biometric passports with a new chip');
  });

  it('the EU entry/exit system', () => {
    notRelevant('EES: građani Srbije na granici sa EU ostavljaju otiske prstiju i fotografiju lica', 'Novi sistem ulaska i izlaska iz EU primenjuje se na sve putnike iz Srbije.');
  });

  it('surveillance in other countries', () => {
    notRelevant('Zagreb uvodi kamere za prepoznavanje lica na trgovima', 'Hrvatska policija nabavlja novi sustav videonadzora.');
    notRelevant('Police in Detroit face lawsuit over facial recognition arrest');
  });

  it('Huawei 5G news without cameras', () => {
    notRelevant('Huawei i Telekom Srbija pustili 5G u rad u Nišu', 'Nova mreža donosi brži internet za korisnike.');
  });

  it('spyware is related, not relevant, but gets its topic', () => {
    const c = notRelevant('Špijunski softver Pegasus pronađen na telefonu novinarke iz Beograda', 'Istraživači su potvrdili infekciju špijunskim softverom.');
    expect(c.topics).toContain('spyware');
  });

  it('a passing mention of Serbia in a list', () => {
    notRelevant(
      'Facial recognition spreads across European police forces',
      'Police in France, Germany, Italy, Hungary, Serbia and Greece have tested facial recognition, a London study finds.',
    );
  });

  it('a routine speeding fine', () => {
    notRelevant('Radar uhvatio vozača sa 180 na sat kod Čačka', 'Saobraćajna policija izrekla je kaznu vozaču zbog prekoračenja brzine.');
  });
});
