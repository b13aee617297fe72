import { registerValuesEnum } from './enums';
import { DATE_PRECISIONS } from './partial-date';

export const DatePrecisionEnum = registerValuesEnum(
  DATE_PRECISIONS,
  'DatePrecision',
  'How precisely a date is known.',
  {
    day: 'The exact day.',
    month: 'Only the month: the date is the first of that month.',
    year: 'Only the year: the date is 1 January of that year.',
  },
);
