import { requestCreatedMessage, requestDecidedMessage, taskReassignedMessage, taskReopenedMessage } from './notification-messages';
import { NotificationKind } from './notification.enums';

const task = { id: 12, code: 'B.2.3', title: 'Kế hoạch phát triển kinh tế ban đêm', leadAgencyName: 'Sở Tài chính' };

describe(requestCreatedMessage.name, () => {
  it('should name the agency, the task, both dates (dd/mm/yyyy) and the reason, and link the task', () => {
    const sut = requestCreatedMessage({
      task,
      requestId: 5,
      type: 'extension',
      reason: 'Chờ ý kiến của Bộ Tài chính',
      requesterName: 'Nguyễn Thị Hằng',
      currentDueDate: '2024-11-30',
      proposedDueDate: '2026-12-31',
    });
    expect(sut.kind).toBe(NotificationKind.RequestCreated);
    expect(sut.title).toBe('Đề nghị gia hạn của Sở Tài chính: [B.2.3] Kế hoạch phát triển kinh tế ban đêm');
    expect(sut.lines).toContain('Đề nghị gia hạn đến ngày 31/12/2026 (thời hạn hiện tại 30/11/2024)');
    expect(sut.lines).toContain('Lý do: Chờ ý kiến của Bộ Tài chính');
    expect(sut).toMatchObject({ link: '/app/tasks/12', taskId: 12, requestId: 5 });
  });
});

describe(requestDecidedMessage.name, () => {
  it('should say approved with the new date, or refused with the comment', () => {
    const base = { task, requestId: 5, type: 'extension' as const, deciderName: 'Văn phòng', proposedDueDate: '2026-12-31' };
    const ok = requestDecidedMessage({ ...base, approved: true, comment: null });
    expect(ok.title).toMatch(/^Đề nghị gia hạn được chấp thuận/);
    expect(ok.lines).toContain('Thời hạn mới: 31/12/2026.');
    const no = requestDecidedMessage({ ...base, approved: false, comment: 'Không có căn cứ' });
    expect(no.title).toMatch(/^Đề nghị gia hạn không được chấp thuận/);
    expect(no.lines).toContain('Ý kiến: Không có căn cứ');
    expect(no.lines.join('\n')).not.toContain('Thời hạn mới');
  });
});

describe(taskReopenedMessage.name, () => {
  it('should give the former status and the reason', () => {
    const sut = taskReopenedMessage({ task, fromLabel: 'Đã rút', reason: 'Tỉnh ủy yêu cầu tiếp tục', actorName: 'Văn phòng' });
    expect(sut.lines.join('\n')).toContain('"Đã rút"');
    expect(sut.lines).toContain('Lý do: Tỉnh ủy yêu cầu tiếp tục');
  });
});

describe(taskReassignedMessage.name, () => {
  it('should name the old and the new lead', () => {
    const sut = taskReassignedMessage({ task, fromAgencyName: 'Sở Xây dựng', reason: null, actorName: 'Văn phòng' });
    expect(sut.lines[1]).toBe('Cơ quan chủ trì được đổi từ Sở Xây dựng sang Sở Tài chính (người thực hiện: Văn phòng).');
  });
});
