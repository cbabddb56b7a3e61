import { agencySearchText } from './agency-search';

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
