import { LocalDateResolver } from 'graphql-scalars';

/** Calendar dates as `YYYY-MM-DD` strings, as stored in `date` columns. */
export const LocalDate = LocalDateResolver;
