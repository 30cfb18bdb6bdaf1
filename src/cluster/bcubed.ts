/**
 * B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998):
 * for each item, the share of its predicted cluster that is in its gold cluster (precision) and
 * the share of its gold cluster that is in its predicted cluster (recall), averaged over items.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  const groups = (labels: ReadonlyMap<string, string>): Map<string, Set<string>> => {
    const g = new Map<string, Set<string>>();
    for (const id of ids) {
      const label = labels.get(id)!;
      const set = g.get(label) ?? new Set<string>();
      set.add(id);
      g.set(label, set);
    }
    return g;
  };
  const p = groups(predicted);
  const g = groups(gold);
  let precision = 0;
  let recall = 0;
  for (const id of ids) {
    const pc = p.get(predicted.get(id)!)!;
    const gc = g.get(gold.get(id)!)!;
    let both = 0;
    for (const other of pc) if (gc.has(other)) both++;
    precision += both / pc.size;
    recall += both / gc.size;
  }
  const n = ids.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  precision /= n;
  recall /= n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, items: n };
}
