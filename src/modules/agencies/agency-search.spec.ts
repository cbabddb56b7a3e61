import { agencySearchText, nameKey } from './agency-search';

describe(agencySearchText.name, () => {
  it('should fold code, name and aliases together, without case or diacritics', () => {
    expect(agencySearchText({ code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', aliases: ['Sở TN&MT', 'Sở  TNMT'] })).toBe(
      'stnmt | so tai nguyen va moi truong | so tn&mt | so tnmt',
    );
  });

  it("should turn 'Đ' into 'd' and work without aliases", () => {
    expect(agencySearchText({ code: 'UBND-DX', name: 'UBND thành phố Đồng Xoài', aliases: [] })).toBe('ubnd-dx | ubnd thanh pho dong xoai');
  });
});

describe(nameKey.name, () => {
  it('should compare names without case, diacritics, punctuation or spacing', () => {
    expect(nameKey('Sở TN&MT')).toBe('so tn mt');
    expect(nameKey('  sở tn - mt ')).toBe('so tn mt');
    expect(nameKey('SỞ TÀI CHÍNH (thử)')).toBe(nameKey('so tai chinh thu'));
  });

  it('should keep different names apart', () => {
    expect(nameKey('Sở Tài chính')).not.toBe(nameKey('Sở Tài chính tỉnh Bình Phước'));
    expect(nameKey('UBND huyện Đồng Phú')).not.toBe(nameKey('UBND huyện Bù Đốp'));
  });
});
