// Tailwind 4 runs as a PostCSS plugin; the CSS entry is app/globals.css.
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
