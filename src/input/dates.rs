//! Dates and times as templates see them: `dd/mm/yyyy`, `dd/mm/yyyy hh:mm`, `hh:mm`.
//!
//! Excel stores a date as a serial number of days (the fraction is the time of day). In the
//! 1900 system serial 1 is 01/01/1900 and, as in Lotus 1-2-3, 1900 is taken for a leap year:
//! serial 60 is 29/02/1900, serial 61 is 01/03/1900. In the 1904 system serial 0 is 01/01/1904.
//! ODS files give ISO 8601 text instead (`2025-10-31`, `2025-10-31T08:30:00`, `PT08H30M00S`).

use calamine::{ExcelDateTime, ExcelDateTimeType};

const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_MINUTE: i64 = 60_000;
/// 31/12/9999, the last day Excel knows.
const MAX_SERIAL: f64 = 2_958_466.0;
/// Days from 1899-12-30 (serial 0 of the 1900 system, after serial 60) to 1970-01-01.
const UNIX_FROM_1900: i64 = 25_569;
/// Days from 1899-12-30 to 1904-01-01 (serial 0 of the 1904 system).
const EPOCH_1904: i64 = 1_462;

/// The text of an Excel date, time or duration cell; `None` when the serial is not a date
/// Excel could show (negative, too large, not finite).
pub(crate) fn excel_datetime(dt: &ExcelDateTime) -> Option<String> {
    let serial = dt.as_f64();
    if dt.is_duration() {
        return duration_from_serial(serial);
    }
    excel_serial(serial, is_1904(dt))
}

/// calamine keeps the epoch flag private; the same serial read in the 1900 system gives a
/// different civil date exactly when the cell uses the 1904 system.
fn is_1904(dt: &ExcelDateTime) -> bool {
    let as_1900 = ExcelDateTime::new(dt.as_f64(), ExcelDateTimeType::DateTime, false);
    as_1900.to_ymd_hms_milli() != dt.to_ymd_hms_milli()
}

/// `dd/mm/yyyy`, `dd/mm/yyyy hh:mm` (non-zero time) or `hh:mm` (serial below 1).
pub(crate) fn excel_serial(serial: f64, is_1904: bool) -> Option<String> {
    if !(0.0..MAX_SERIAL).contains(&serial) {
        return None;
    }
    let total_ms = (serial * MS_PER_DAY as f64).round() as i64;
    let days = total_ms / MS_PER_DAY;
    let minutes_of_day = (total_ms % MS_PER_DAY) / MS_PER_MINUTE;
    let (hh, mm) = (minutes_of_day / 60, minutes_of_day % 60);
    if days == 0 {
        return Some(format!("{hh:02}:{mm:02}"));
    }
    let (y, m, d) = if is_1904 {
        civil_from_days(days + EPOCH_1904 - UNIX_FROM_1900)
    } else if days == 60 {
        (1900, 2, 29)
    } else if days < 60 {
        // Before the phantom 29/02/1900 the serial counts from 31/12/1899.
        civil_from_days(days + 1 - UNIX_FROM_1900)
    } else {
        civil_from_days(days - UNIX_FROM_1900)
    };
    let date = format!("{d:02}/{m:02}/{y:04}");
    Some(if hh == 0 && mm == 0 {
        date
    } else {
        format!("{date} {hh:02}:{mm:02}")
    })
}

/// A duration cell (`[h]:mm`): hours may pass 24.
fn duration_from_serial(serial: f64) -> Option<String> {
    if !serial.is_finite() || serial.abs() >= MAX_SERIAL {
        return None;
    }
    let minutes = (serial * 1440.0).round() as i64;
    Some(format_minutes(minutes))
}

fn format_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.abs();
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's
/// `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// ODS `office:date-value`: `yyyy-mm-dd` with an optional `Thh:mm[:ss[.fff]]` (a zone suffix is
/// ignored). `None` when the text is not of that form.
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut parts = date.splitn(3, '-');
    let y = parse_digits(parts.next()?, 4, 4)?;
    let m = parse_digits(parts.next()?, 1, 2)?;
    let d = parse_digits(parts.next()?, 1, 2)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{d:02}/{m:02}/{y:04}");
    let Some(time) = time else {
        return Some(date);
    };
    let time = time.trim_end_matches('Z');
    let time = time.split(['+', '-']).next().unwrap_or(time);
    let mut parts = time.split(':');
    let hh = parse_digits(parts.next()?, 1, 2)?;
    let mm = parse_digits(parts.next()?, 1, 2)?;
    if hh > 23 || mm > 59 {
        return None;
    }
    Some(if hh == 0 && mm == 0 {
        date
    } else {
        format!("{date} {hh:02}:{mm:02}")
    })
}

/// ODS `office:time-value`: ISO 8601 durations such as `PT08H30M00S` or `P1DT2H`, as `hh:mm`.
pub(crate) fn iso_duration(text: &str) -> Option<String> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let text = text.strip_prefix('P')?;
    let mut seconds = 0.0_f64;
    let mut number = String::new();
    let mut in_time = false;
    let mut seen_unit = false;
    for c in text.chars() {
        match c {
            'T' if number.is_empty() => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            'D' | 'H' | 'M' | 'S' => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                seconds += value
                    * match (c, in_time) {
                        ('D', false) => 86_400.0,
                        ('H', true) => 3_600.0,
                        ('M', true) => 60.0,
                        ('S', true) => 1.0,
                        _ => return None,
                    };
                seen_unit = true;
            }
            _ => return None,
        }
    }
    if !number.is_empty() || !seen_unit || !seconds.is_finite() {
        return None;
    }
    let minutes = (seconds / 60.0).floor() as i64;
    Some(format_minutes(if negative { -minutes } else { minutes }))
}

fn parse_digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_of_the_1900_system_follow_excel_including_its_leap_year_bug() {
        for (serial, text) in [
            (1.0, "01/01/1900"),
            (59.0, "28/02/1900"),
            (60.0, "29/02/1900"),
            (61.0, "01/03/1900"),
            (36585.0, "29/02/2000"),
            (45961.0, "31/10/2025"),
            (45965.0, "04/11/2025"),
            (2958465.0, "31/12/9999"),
        ] {
            assert_eq!(
                excel_serial(serial, false).as_deref(),
                Some(text),
                "{serial}"
            );
        }
    }

    #[test]
    fn a_time_part_is_shown_only_when_it_is_not_midnight() {
        assert_eq!(
            excel_serial(45961.5, false).as_deref(),
            Some("31/10/2025 12:00")
        );
        assert_eq!(
            excel_serial(45961.0 + 8.5 / 24.0, false).as_deref(),
            Some("31/10/2025 08:30")
        );
        // A value a hair below midnight is midnight of the next day, not 23:59.
        assert_eq!(
            excel_serial(45_961.999_999_999, false).as_deref(),
            Some("01/11/2025")
        );
    }

    #[test]
    fn a_serial_below_one_is_a_time_of_day() {
        assert_eq!(
            excel_serial(0.354_166_666_7, false).as_deref(),
            Some("08:30")
        );
        assert_eq!(excel_serial(0.0, false).as_deref(), Some("00:00"));
    }

    #[test]
    fn serials_of_the_1904_system_count_from_1904() {
        assert_eq!(excel_serial(1.0, true).as_deref(), Some("02/01/1904"));
        assert_eq!(
            excel_serial(45961.0 - 1462.0, true).as_deref(),
            Some("31/10/2025")
        );
    }

    #[test]
    fn the_epoch_flag_is_recovered_from_calamine() {
        let dt = ExcelDateTime::new(44499.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(excel_datetime(&dt).as_deref(), Some("31/10/2025"));
        let dt = ExcelDateTime::new(45961.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(excel_datetime(&dt).as_deref(), Some("31/10/2025"));
        let dt = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(excel_datetime(&dt).as_deref(), Some("36:00"));
    }

    #[test]
    fn serials_excel_cannot_show_are_not_dates() {
        assert_eq!(excel_serial(-1.0, false), None);
        assert_eq!(excel_serial(f64::NAN, false), None);
        assert_eq!(excel_serial(3e6, false), None);
    }

    #[test]
    fn iso_dates_and_durations_from_ods() {
        assert_eq!(iso_date("2025-10-31").as_deref(), Some("31/10/2025"));
        assert_eq!(
            iso_date("2025-10-31T00:00:00").as_deref(),
            Some("31/10/2025")
        );
        assert_eq!(
            iso_date("2025-10-31T08:30:15.5").as_deref(),
            Some("31/10/2025 08:30")
        );
        assert_eq!(iso_date("31/10/2025"), None);
        assert_eq!(iso_date("2025-13-01"), None);
        assert_eq!(iso_date("2025-1ệ-01"), None);
        assert_eq!(iso_duration("PT08H30M00S").as_deref(), Some("08:30"));
        assert_eq!(iso_duration("PT14H00M00.000S").as_deref(), Some("14:00"));
        assert_eq!(iso_duration("P1DT2H").as_deref(), Some("26:00"));
        assert_eq!(iso_duration("PT"), None);
        assert_eq!(iso_duration("8:30"), None);
    }
}
