export default defineNuxtConfig({
  srcDir: 'app/',
});
