import { correctQuarter, correctYearName, wordsOfTsv } from './ocr';

describe(correctQuarter.name, () => {
  it.each([
    ['Quý', '11/2021', 'II/2021'],
    ['quý', 'lll/2025', 'III/2025'],
    ['Quí', '1V/2026', 'IV/2026'],
    ['II,', '111/2025', 'III/2025'],
    ['II,', 'IH/2025', 'III/2025'],
  ])('should read the quarter after %j: %j → %j', (previous, word, expected) => {
    expect(correctQuarter(previous, word)).toBe(expected);
  });

  it.each([
    ['Quý', '2/2024'],
    ['ngày', '11/2021'],
    [null, '11/2021'],
  ])('should leave %j %j alone', (previous, word) => {
    expect(correctQuarter(previous, word)).toBe(word);
  });
});

describe(wordsOfTsv.name, () => {
  it('should read words with their position and confidence, and the page size', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t60\t30\t95.5\tQuý',
      '5\t1\t1\t1\t1\t2\t170\t200\t90\t30\t61\t11/2021',
    ].join('\n');
    expect(wordsOfTsv(tsv)).toEqual({
      width: 1654,
      height: 2339,
      items: [
        { str: 'Quý', x: 100, y: 200, w: 60, h: 30, conf: 95.5 },
        { str: 'II/2021', x: 170, y: 200, w: 90, h: 30, conf: 61 },
      ],
    });
  });
});

describe(correctYearName.name, () => {
  it.each([
    ['Ất', 'Ty', ['Ất', 'Tỵ']],
    ['Ất', 'Ti', ['Ất', 'Tị']],
    ['At', 'Tỵ,', ['Ất', 'Tỵ,']],
    ['Giap', 'Thin.', ['Giáp', 'Thìn.']],
    ['Binh', 'Ngo', ['Bính', 'Ngọ']],
  ])('should give %j %j the spelling of the year name', (previous, word, expected) => {
    expect(correctYearName(previous, word)).toEqual(expected);
  });

  it.each([
    ['Ất', 'Tỵ'],
    // Not a year: Giáp goes with Tý, Dần …, never with Sửu.
    ['Giap', 'Suu'],
    ['ất', 'ty'],
    ['Sở', 'Ty'],
  ])('should leave %j %j alone', (previous, word) => {
    expect(correctYearName(previous, word)).toBeNull();
  });

  it('should correct the pair in Tesseract’s words', () => {
    const row = (n: number, x: number, text: string) => `5\t1\t1\t1\t1\t${n}\t${x}\t200\t50\t30\t96\t${text}`;
    const tsv = [
      'header',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      row(1, 100, 'Xuân'),
      row(2, 160, 'Ất'),
      row(3, 220, 'Ty'),
    ];
    expect(wordsOfTsv(tsv.join('\n')).items.map((i) => i.str)).toEqual(['Xuân', 'Ất', 'Tỵ']);
  });
});
