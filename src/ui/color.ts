/** Garden colours for the sidebar's own styles. */
import { getColor as gardenGetColor, type ColorParameters } from '@zendeskgarden/react-theming';

/**
 * Garden's `getColor` (a theme variable such as `'foreground.subtle'` to a colour). Its typings mention
 * lodash's `MemoizedFunction`, whose types are not installed, so the signature is restated here.
 */
export const getColor = gardenGetColor as unknown as (parameters: ColorParameters) => string;
