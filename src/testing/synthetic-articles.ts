import type { Article } from '@/src/detect/extract-article';

/**
 * SYNTHETIC articles for unit tests, written by the Firsthand team: not real news, not
 * testimony. Each reads like the kind of article it stands for, so tests exercise the real
 * detection, ranking and page model on text rather than on hand-made term counts.
 */
export const syntheticArticles = {
  /** About the famine and the children it left on the streets: Joseph's story speaks to it. */
  famineOrphans: {
    title: 'North Korea famine: the orphans who survived on the streets',
    paragraphs: [
      'During the famine of the 1990s in North Korea, hundreds of thousands of people died of starvation, and many children lost their parents to hunger.',
      'Orphans known as kotjebi slept in railway stations and begged for food in the markets, and some crossed the river into China in search of something to eat.',
      'One boy, now grown up, remembers that his father starved to death and his mother left for China; he lived on the streets with other homeless children until he escaped.',
      'Aid workers say the famine still shapes North Korea, where families remember the years of hunger and the children who were left to survive alone.',
    ],
  } satisfies Article,
  /** About women who keep their families alive by trading in the markets: Lindsey Miller's story. */
  marketWomen: {
    title: 'The women who run North Korea’s markets',
    paragraphs: [
      'In North Korea, women have become the breadwinners of their families since the collapse of the state rationing system, selling food and clothes in the jangmadang, the private markets.',
      'While husbands must report to state jobs that pay almost nothing, wives trade at market stalls, and women now earn most of the money many households live on.',
      'Women who sell in the markets say their work has changed how they see themselves, and researchers describe the market women as a force for social change in North Korea.',
    ],
  } satisfies Article,
  /** A missile test: North Korea news that no testimony speaks to. */
  missileTest: {
    title: 'North Korea fires ballistic missile into the sea',
    paragraphs: [
      'North Korea launched a ballistic missile on Tuesday, the South Korean military said, the latest in a series of weapons tests this year.',
      'The missile flew about 600 kilometres before landing in the sea, according to the Joint Chiefs of Staff in Seoul. Japan said it fell outside its exclusive economic zone.',
      'Pyongyang has conducted several missile launches since talks with Washington stalled, and analysts expect a nuclear test. The United States called the launch a violation of UN sanctions.',
      'North Korean state media said the test of the new missile was a success and that leader Kim Jong Un oversaw the launch.',
    ],
  } satisfies Article,
  /** A football report that names North Korea once in passing. */
  footballPassing: {
    title: 'Seoul side wins the derby in extra time',
    paragraphs: [
      'FC Seoul beat their rivals 2-1 after extra time on Saturday, with a late header from the captain settling a tense derby in front of a full stadium.',
      'The coach said the team had prepared well for the match, and the result keeps Seoul at the top of the league before next month’s trip to play North Korea’s champions.',
    ],
  } satisfies Article,
};
