/** Types for the `linebreak` package (UAX #14), which ships none. */
declare module 'linebreak' {
  /** A place where a new line may begin; `required` after a hard line break. */
  export interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
