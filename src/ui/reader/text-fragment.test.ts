import { describe, expect, it } from 'vitest';
import { encodeTextDirectivePart, originalPassageUrl, textFragment } from './text-fragment';

describe('textFragment', () => {
  it('uses the first six and the last four words of a long passage', () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve.';
    expect(textFragment(text)).toBe('#:~:text=One%20two%20three%20four%20five%20six,nine%20ten%20eleven%20twelve');
  });

  it('uses the whole text of a short passage as the start', () => {
    expect(textFragment('Synthetic short passage.')).toBe('#:~:text=Synthetic%20short%20passage');
  });

  it('spans paragraphs, treating any whitespace as one space', () => {
    const text = 'Alpha beta gamma delta epsilon zeta\n\neta theta   iota kappa lambda.';
    expect(textFragment(text)).toBe(
      '#:~:text=Alpha%20beta%20gamma%20delta%20epsilon%20zeta,theta%20iota%20kappa%20lambda',
    );
  });

  it('starts in the first paragraph and ends in the last, as a browser looks for each in one block', () => {
    // Synthetic: a short first paragraph, as the publisher sets a name apart.
    const text = 'Her name is Synthetic*.\n\nShe is bright and funny, and she tells the story her own way.';
    expect(textFragment(text)).toBe('#:~:text=Her%20name%20is%20Synthetic,story%20her%20own%20way');
    expect(textFragment('Two words.\n\nThree more words.')).toBe('#:~:text=Two%20words,Three%20more%20words');
  });

  it('leaves out opening and closing quotes and punctuation', () => {
    expect(textFragment('“Synthetic quoted words.”')).toBe('#:~:text=Synthetic%20quoted%20words');
  });

  it("encodes '-', ',' and '&', which have a meaning in a text directive", () => {
    expect(textFragment('well-fed, rice & soup')).toBe('#:~:text=well%2Dfed%2C%20rice%20%26%20soup');
  });

  it('encodes non-ASCII text', () => {
    expect(textFragment('탈북자 이야기')).toBe(`#:~:text=${encodeURIComponent('탈북자 이야기')}`);
  });

  it('is empty for a passage without words', () => {
    expect(textFragment(' … ')).toBe('');
  });
});

describe('encodeTextDirectivePart', () => {
  it('percent-encodes the dash that encodeURIComponent leaves alone', () => {
    expect(encodeTextDirectivePart('a-b')).toBe('a%2Db');
  });
});

describe('originalPassageUrl', () => {
  it('appends the fragment to the original address', () => {
    expect(originalPassageUrl('https://publisher.example/story', 'Synthetic words')).toBe(
      'https://publisher.example/story#:~:text=Synthetic%20words',
    );
  });

  it('replaces a fragment the address already has', () => {
    expect(originalPassageUrl('https://publisher.example/story#top', 'Synthetic words')).toBe(
      'https://publisher.example/story#:~:text=Synthetic%20words',
    );
  });

  it('keeps the address as it is when there is nothing to point at', () => {
    expect(originalPassageUrl('https://publisher.example/story#top', '')).toBe('https://publisher.example/story#top');
  });
});
