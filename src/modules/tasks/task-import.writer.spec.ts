import { Task } from './task.entity';
import { TaskKind } from './task.enums';
import { ImportedTask, importChanges, TaskImportWriter } from './task-import.writer';

const task = (over: Partial<Task> = {}): Task =>
  ({
    id: 1,
    code: 'B.1',
    title: 'Việc một',
    description: null,
    kind: TaskKind.Task,
    leadAgencyId: 5,
    dueDate: '2024-06-30',
    dueText: 'Quý II/2024',
    outputForm: null,
    submitTo: null,
    leaderInCharge: null,
    sourceDocument: null,
    ...over,
  }) as Task;

const item = (over: Partial<ImportedTask> = {}): ImportedTask => ({
  code: 'B.1',
  title: 'Việc một',
  description: null,
  kind: TaskKind.Task,
  leadAgencyId: 5,
  coordinatingAgencyIds: [7, 8],
  dueDate: '2024-06-30',
  dueText: 'Quý II/2024',
  outputForm: null,
  submitTo: null,
  leaderInCharge: null,
  sourceDocument: null,
  provided: ['title', 'kind', 'leadAgencyId', 'coordinatingAgencyIds', 'dueDate', 'dueText'],
  ...over,
});

describe(TaskImportWriter.name, () => {
  describe(importChanges.name, () => {
    it('should find nothing to change in the same item, whatever the order of the coordinating agencies', () => {
      expect(importChanges({ task: task(), coordinatingAgencyIds: [8, 7] }, item())).toEqual([]);
    });

    it('should list the fields that differ, in a stable order', () => {
      const changes = importChanges(
        { task: task(), coordinatingAgencyIds: [7] },
        item({ title: 'Việc một (sửa)', leadAgencyId: 6, dueDate: null, dueText: 'Thường xuyên' }),
      );
      expect(changes).toEqual(['title', 'leadAgencyId', 'dueDate', 'dueText', 'coordinatingAgencyIds']);
    });

    it('should leave alone what the file does not give', () => {
      const changes = importChanges(
        { task: task({ leaderInCharge: 'Chủ tịch', dueDate: '2024-03-31' }), coordinatingAgencyIds: [1] },
        item({ provided: ['title', 'kind'], dueDate: null, leaderInCharge: null }),
      );
      expect(changes).toEqual([]);
    });

    it('should treat a missing and a null value alike', () => {
      expect(
        importChanges(
          { task: task({ description: undefined as never }), coordinatingAgencyIds: [7, 8] },
          item({ provided: ['description'] }),
        ),
      ).toEqual([]);
    });
  });
});
