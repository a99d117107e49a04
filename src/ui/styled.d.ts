/** styled-components' theme is Garden's: `p.theme.space`, `getColor({ theme })` and the rest are typed. */
import 'styled-components';
import type { IGardenTheme } from '@zendeskgarden/react-theming';

declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs the interface
  export interface DefaultTheme extends IGardenTheme {}
}
