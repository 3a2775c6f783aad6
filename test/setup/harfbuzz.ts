// Loads harfbuzz in every test file's process, as the pipeline does before typesetting (FontBook.loadShaper).
import { loadHarfBuzz } from '../../src/fonts/harfbuzz.js';

await loadHarfBuzz();
