// What the views need to know about a pack's steps, computed from the pack itself: which instructions
// fit this computer, whether a step asks the person, which QR codes belong to which phone, and where to
// go next. No verdicts here: statuses come from the core.
import type { Check } from '../bindings/Check';
import type { How } from '../bindings/How';
import type { OsFamily } from '../bindings/OsFamily';
import type { QrTarget } from '../bindings/QrTarget';
import type { Status } from '../bindings/Status';
import type { Step } from '../bindings/Step';
import type { StepResult } from '../bindings/StepResult';
import type { Text } from '../bindings/Text';

export const STATUSES: Status[] = ['done', 'todo', 'partial', 'manual', 'unknown'];

/** The instructions written for exactly this computer's family (Linux, Mac, Windows), if any. */
export function howForThisOs(how: How, os: OsFamily | null): Text | undefined {
  return os === 'linux' || os === 'macos' || os === 'windows' ? how[os] : undefined;
}

/** The instructions for a computer of this family, falling back to the default text. */
export function howForComputer(how: How, os: OsFamily | null): Text | undefined {
  return howForThisOs(how, os) ?? how.default;
}

export type Computer = 'windows' | 'macos' | 'linux';

/**
 * Every computer variant the pack wrote (Windows, macOS, Linux), then its default text marked `other`
 * when some system has none: for a visitor at a stand, whose computer at home is not the one in front of
 * them. None when no system has a text of its own (the default text is then not about a computer in
 * particular); no `other` when all three have one (a fourth card for rare systems would only lengthen a
 * five-minute visit).
 */
export function computerVariants(how: How): { platform: Computer | 'other'; text: Text }[] {
  const out: { platform: Computer | 'other'; text: Text }[] = [];
  for (const platform of ['windows', 'macos', 'linux'] as const) {
    const text = how[platform];
    if (text) out.push({ platform, text });
  }
  if (how.default && out.length > 0 && out.length < 3) out.push({ platform: 'other', text: how.default });
  return out;
}

/** The phone variants the pack wrote, Android then iPhone. */
export function phoneVariants(how: How): { platform: 'android' | 'ios'; text: Text }[] {
  const out: { platform: 'android' | 'ios'; text: Text }[] = [];
  if (how.android) out.push({ platform: 'android', text: how.android });
  if (how.ios) out.push({ platform: 'ios', text: how.ios });
  return out;
}

function hasManual(check: Check): boolean {
  if (check === 'manual') return true;
  if ('all' in check) return check.all.some(hasManual);
  if ('any' in check) return check.any.some(hasManual);
  return false;
}

/** Whether a check has this computer look at something: any rule but `manual`, bonus rules included. */
function looks(check: Check): boolean {
  if (check === 'manual') return false;
  if ('all' in check) return check.all.some(looks);
  if ('any' in check) return check.any.some(looks);
  if ('bonus' in check) return looks(check.bonus);
  return true;
}

/** Whether checking again could change anything: a step only the person can tell has nothing to check. */
export function computerLooks(step: Step): boolean {
  return step.checks.some(looks);
}

/**
 * A step the person confirms ("C'est fait" / "Pas encore"): one with a manual check (bonus checks never
 * count), or one this computer could not judge and that takes their word (mail kept in a webmail): while
 * it cannot, and while their answer is what the step says. Once this computer finds otherwise (a Gmail
 * account after all), what it found decides, and the buttons would change nothing.
 */
export function asksThePerson(step: Step, result?: StepResult | null): boolean {
  if (step.checks.some(hasManual)) return true;
  if (!result) return false;
  const heeded =
    (result.answer === 'done' && result.status === 'done') || (result.answer === 'not_yet' && result.status === 'todo');
  return result.status === 'manual' || heeded;
}

export type Phone = 'android' | 'ios';

/** Which phone a QR code is for; `null` when any phone can open it (a web page). */
export function qrPhone(qr: QrTarget): Phone | null {
  if (qr.store === 'play' || qr.store === 'fdroid') return 'android';
  if (qr.store === 'app-store') return 'ios';
  if (/\/android\//.test(qr.url)) return 'android';
  return null;
}

/**
 * The step to suggest next: the one the core suggested while it is still not done, else the first step
 * after it (then from the start) that is not done. Null when everything is done.
 */
export function nextStep(results: StepResult[], suggested: string | null): string | null {
  const open = (r: StepResult) => r.status !== 'done';
  const from = Math.max(0, results.findIndex((r) => r.id === suggested));
  const ordered = [...results.slice(from), ...results.slice(0, from)];
  return ordered.find(open)?.id ?? null;
}
