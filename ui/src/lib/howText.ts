// Pack instructions are plain text written by volunteers: numbered lines ("1. …") become an ordered list,
// other lines paragraphs. The result is data rendered as text by the view, never as HTML.

export type HowBlock = { kind: 'steps'; items: string[] } | { kind: 'para'; text: string };

const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function howBlocks(text: string): HowBlock[] {
  const blocks: HowBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const numbered = NUMBERED.exec(line);
    const last = blocks[blocks.length - 1];
    if (numbered) {
      if (last?.kind === 'steps') last.items.push(numbered[1]);
      else blocks.push({ kind: 'steps', items: [numbered[1]] });
    } else {
      blocks.push({ kind: 'para', text: line });
    }
  }
  return blocks;
}

/** The first sentence of a text (all of it when it has one). */
export function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

/** The first thing to do, for a summary line: the first numbered item, or the first sentence. */
export function firstAction(text: string): string {
  const blocks = howBlocks(text);
  const steps = blocks.find((b) => b.kind === 'steps');
  if (steps?.kind === 'steps') return steps.items[0];
  const para = blocks[0];
  return para?.kind === 'para' ? firstSentence(para.text) : '';
}
