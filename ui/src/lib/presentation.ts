// Presentation remotes send arrow keys, PageUp/PageDown or Space: each is a move of one slide.

/** +1, -1, 'leave' or null for a key the presentation does not use. */
export function slideMove(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): 1 | -1 | 'leave' | null {
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 1;
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? -1 : 1;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return -1;
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}
