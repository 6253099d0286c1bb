import { i18n } from '@/src/i18n';
import type { Corner } from './corners';

/**
 * A corner's name, as every surface says it (the in-page panel's corner menu, the options
 * page's select): one list of words for one setting (issue 13).
 */
export function cornerLabel(corner: Corner): string {
  switch (corner) {
    case 'bottom-right':
      return i18n.t('panel.corner_bottom_right');
    case 'bottom-left':
      return i18n.t('panel.corner_bottom_left');
    case 'top-right':
      return i18n.t('panel.corner_top_right');
    case 'top-left':
      return i18n.t('panel.corner_top_left');
  }
}
