import { invalidInput } from '../errors.js';
import { IMPLIED_DIR_MODE, parentPaths, sortEntries, type LayerEntry } from './layer-entry.js';

const KIND: Record<LayerEntry['type'], string> = {
  file: 'a file',
  dir: 'a folder',
  symlink: 'a symlink',
};

/**
 * The entries of one layer as `copy` lines add them: one entry per in-image path (a later
 * line replaces an earlier one, as successive Docker COPYs do), plus the folders that deeper
 * paths imply, so the tar has an explicit entry for every folder.
 */
export class LayerTree {
  private readonly byPath = new Map<string, { entry: LayerEntry; line: string }>();

  add(entry: LayerEntry, line: string): void {
    const old = this.byPath.get(entry.path);
    if (old && (old.entry.type === 'dir') !== (entry.type === 'dir')) {
      throw invalidInput(
        'copy',
        line,
        `puts ${KIND[entry.type]} at "/${entry.path}" where line "${old.line}" puts ${KIND[old.entry.type]}`,
      );
    }
    this.byPath.set(entry.path, { entry, line });
  }

  /** Sorted entries with implied parent folders; refuses a path below a file or symlink. */
  entries(): LayerEntry[] {
    const implied = new Map<string, LayerEntry>();
    for (const { entry, line } of this.byPath.values()) {
      for (const parent of parentPaths(entry.path)) {
        const owner = this.byPath.get(parent);
        if (owner && owner.entry.type !== 'dir') {
          throw invalidInput(
            'copy',
            line,
            `copies "/${entry.path}" into "/${parent}", which line "${owner.line}" makes ${KIND[owner.entry.type]}`,
          );
        }
        if (!owner) implied.set(parent, { path: parent, type: 'dir', mode: IMPLIED_DIR_MODE });
      }
    }
    return sortEntries([...[...this.byPath.values()].map((v) => v.entry), ...implied.values()]);
  }
}
