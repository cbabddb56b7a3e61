import { Agency } from 'src/modules/agencies/agency.entity';
import { mergeComment } from './reorganisation.service';

describe(mergeComment.name, () => {
  it('should name both agencies and the last day', () => {
    const from = { name: 'Sở Kế hoạch và Đầu tư', code: 'SKHDT' } as Agency;
    const to = { name: 'Sở Tài chính', code: 'STC' } as Agency;
    expect(mergeComment(from, to, '2025-02-28')).toBe(
      'Sáp nhập Sở Kế hoạch và Đầu tư (SKHDT) vào Sở Tài chính (STC); Sở Kế hoạch và Đầu tư hoạt động đến hết ngày 28/02/2025',
    );
  });
});
