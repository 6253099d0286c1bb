/**
 * Korean writes particles and endings onto the word they follow (탈북자들은, 평양에서,
 * 북송되면서), so a Hangul alias is looked for at the start of a page's word. But a word
 * that starts with an alias may be another word: a compound made with a second noun names
 * something else (북한산 is a mountain in Seoul, 북한강 a river, 평양냉면 a noodle dish
 * served everywhere, 청진기 a stethoscope). Issue 11, item 5.
 *
 * Nouns are an open set and particles a closed one, so the rule allows what may follow
 * rather than forbidding compounds one by one: the rest of the word must be
 * - nothing;
 * - particles, up to three (들은, 에서는, 과의, 까지도);
 * - the copula (탈북자이다, 동성애자임을, 동성애자다 after a vowel);
 * - right after the alias, a verb made of it (탈북한, 북송되면서, 이혼했다);
 * - right after the alias, one of a few suffixes or words that keep it about the same
 *   thing, then any of the above (북한군이, 평양시에서, 함흥시민이, 한국행을, 탈북남성의).
 * Compounds with any other noun do not match (북한산, 북한강, 평양냉면, and also
 * 평양맥주, 북한정의연대): an article about the subject names it more than once, on its own.
 *
 * Left out on purpose: -산 "made in" (북한산 is also the mountain), -식 "style" (평양식 냉면),
 * the copula form 일 (국경일 is a national holiday, not "would be the border").
 */

/** Case and delimiter particles, and the plural 들. Either form of a pair (이/가, 을/를) is taken after any syllable. */
const PARTICLES = words(
  '이 가 은 는 을 를 의 에 에서 에게 에게서 께서 한테 한테서 서 로 으로 로서 으로서 로써 으로써 로부터 으로부터 ' +
    '론 으론 와 과 랑 이랑 하고 보다 처럼 같이 만큼 대로 까지 부터 도 만 뿐 조차 마저 마다 밖에 끼리 씩 쯤 엔 ' +
    '에선 에겐 요 이나 나 이든 든 이든지 든지 이라도 라도 이나마 나마 야말로 이야말로 들',
);

/** The copula 이다 in the forms news prose uses; after a vowel 이 may drop (see COPULA_AFTER_VOWEL). */
const COPULA = words(
  '이다 이며 이고 이라 이라는 이라고 이라며 이라면 이라서 이란 이었다 이었던 이었고 이었으며 이었지만 이었을 ' +
    '이던 인 인데 인지 인가 임 입니다 입니까 이지만 이자 이냐 이니 이니까 이면 이면서 이므로 이어서 이어야 ' +
    '이에요 이죠 이기 이든가',
);
const COPULA_AFTER_VOWEL = words(
  '다 며 라는 라고 라며 라면 라서 였다 였던 였고 였으며 였지만 였을 던 지만 자 냐 니까 면 면서 므로 여서 여야 예요 죠',
);

/** 하다, 되다, 시키다, 당하다, 치다 made from a noun (탈북하다, 북송되다, 도망치다): their stems as written... */
const VERB_STEMS = words(
  '하 해 했 한 할 함 합 하였 되 돼 됐 된 될 됨 됩 되었 시키 시켜 시켰 시킨 시킬 시킴 당하 당해 당했 당한 당할 당함 ' +
    '치 쳐 쳤 친 칠 침',
);
/** ...and the endings that follow them, up to four (했+다, 되+면+서, 하+려+고). */
const VERB_ENDINGS = words(
  '다 는 고 며 면 여 서 자 지 기 게 던 도 야 요 니다 습니다 으며 으나 나 지만 는데 데 다는 다고 다며 다가 려 려고 ' +
    '려는 러 온 왔 어 었 아 았 을 를 은 이 의 에 로 까지 만 든 죠 네 니 거나 듯 면서 므로',
);

/**
 * Suffixes, and a few words for its place or its people, that make a word about the same
 * thing: city, downtown, citizens, province (랴오닝성); county or army (북한군); side;
 * within; person (중국인); bound for, from (한국행, 평양발); descent; made in (중국제);
 * riverside (두만강변); institution or member (고아원, 감시원); area (국경지대, 평양일대);
 * the authorities (중국당국); its people (탈북남성, 탈북청소년, 북한출신); for (여성용); titles after
 * a name (씨, 님, 동지).
 */
const BOUND_SUFFIXES = words(
  '시 시내 시민 성 군 측 내 인 행 발 계 제 변 원 지역 지대 일대 전역 당국 ' +
    '주민 남성 여성 청소년 학생 기자 노동자 병사 출신 용 씨 님 동지',
);

interface Words {
  set: Set<string>;
  longest: number;
}

function words(list: string): Words {
  const set = new Set(list.split(' '));
  return { set, longest: Math.max(...[...set].map((w) => w.length)) };
}

const isSyllable = (c: number) => c >= 0xac00 && c <= 0xd7a3;
/** Han ideographs and kana: Chinese and Japanese put no space between words. */
const isHanOrKana = (c: number) =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** A syllable with no final consonant, or a letter or digit read aloud that way (DMZ다). */
const endsInVowel = (c: number) => !isSyllable(c) || (c - 0xac00) % 28 === 0;

/**
 * Whether `word` (a token key, src/lexicon/tokens.ts) is its first `stem` code units — a
 * lexicon alias — and only what may follow that alias in the same word.
 */
export function isInflectedForm(word: string, stem: number): boolean {
  if (stem >= word.length) return stem === word.length;
  const next = word.charCodeAt(stem);
  if (isSyllable(next)) {
    return (
      afterNoun(word, stem) ||
      someSplit(word, stem, BOUND_SUFFIXES, (end) => afterNoun(word, end)) ||
      someSplit(word, stem, VERB_STEMS, (end) => chain(word, end, VERB_ENDINGS, 4))
    );
  }
  // 北朝鮮の, 朝鲜半岛: Chinese and Japanese words run together, and a prefix is the best
  // we have. After a Hangul or Latin alias, other letters or digits make another word.
  return isHanOrKana(word.charCodeAt(stem - 1));
}

/** Particles, or the copula then particles, from `at` to the end. */
function afterNoun(word: string, at: number): boolean {
  const copula = (end: number) => chain(word, end, PARTICLES, 2);
  return (
    chain(word, at, PARTICLES, 3) ||
    someSplit(word, at, COPULA, copula) ||
    (endsInVowel(word.charCodeAt(at - 1)) && someSplit(word, at, COPULA_AFTER_VOWEL, copula))
  );
}

/** Whether word[at..] is at most `max` items of `list`. */
function chain(word: string, at: number, list: Words, max: number): boolean {
  if (at === word.length) return true;
  return max > 0 && someSplit(word, at, list, (end) => chain(word, end, list, max - 1));
}

/** Whether some item of `list` starts at `at` and `rest` accepts where it ends. */
function someSplit(word: string, at: number, list: Words, rest: (end: number) => boolean): boolean {
  const last = Math.min(list.longest, word.length - at);
  for (let n = 1; n <= last; n++) if (list.set.has(word.slice(at, at + n)) && rest(at + n)) return true;
  return false;
}

/**
 * The noun a Hangul word starts with, without the particles and endings after it
 * (탈북자들은 → 탈북자, 장사를 → 장사): its shortest start of two syllables or more that the
 * rest of the word inflects (see isInflectedForm). A word with no such start is kept whole.
 */
export function hangulStem(word: string): string {
  for (let n = 2; n < word.length; n++) if (isInflectedForm(word, n)) return word.slice(0, n);
  return word;
}
