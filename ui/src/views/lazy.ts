// Screens that a launch does not need are loaded the first time they show: the first screen parses less
// script and the idle app holds less memory. The welcome, the overview and the step pages (every
// journey's path) stay in the main bundle. Each import is fetched once; later calls reuse the module.
export const lazy = {
  chatons: () => import('./chatons/ChatonsStep.svelte'),
  summary: () => import('./summary/Summary.svelte'),
  takeaway: () => import('./stand/Takeaway.svelte'),
  presentation: () => import('./workshop/Presentation.svelte'),
  handout: () => import('./workshop/Handout.svelte'),
  packs: () => import('./workshop/PackChooser.svelte'),
  transparency: () => import('./Transparency.svelte'),
  privacy: () => import('./Privacy.svelte'),
  settings: () => import('./Settings.svelte'),
};
