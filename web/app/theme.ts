import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A restrained palette: a deep administrative blue, warm ochre accents, neutral greys. */
const navy: MantineColorsTuple = [
  '#eef3f9',
  '#dce5f0',
  '#b5c9e0',
  '#8badd0',
  '#6893c2',
  '#5283ba',
  '#3f72ab',
  '#3466a0',
  '#2a5a8f',
  '#1f4e79',
];

const ochre: MantineColorsTuple = [
  '#fdf7e6',
  '#f8ecca',
  '#f1d893',
  '#ebc35b',
  '#e6b232',
  '#e3a71b',
  '#d99a0c',
  '#c08504',
  '#ab7600',
  '#946500',
];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 8, dark: 5 },
  colors: { navy, ochre },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
  },
});
