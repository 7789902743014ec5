//! Calendar arithmetic and TIMEX3 value formatting, with an optional anchor (the article date).
//!
//! Every function takes the anchor as `Option<NaiveDate>`; without one the value keeps its unknown parts as `X`
//! (`XXXX-02-20`, `XXXX-WXX-2`), never the current date.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Which way a bare weekday or month points from the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The sentence speaks of the past (news default).
    Past,
    /// Tense or cues point to the future.
    Future,
}

/// Granularity of a relative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Weekends.
    Weekend,
    /// Two weeks.
    Fortnight,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Half years.
    Half,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// Duration letter(s) and multiplier: `P3D`, `PT2H`, `P20Y` for two decades.
    pub fn duration(self, n: Option<f64>) -> String {
        let (t, letter, mult) = match self {
            Unit::Second => (true, "S", 1.0),
            Unit::Minute => (true, "M", 1.0),
            Unit::Hour => (true, "H", 1.0),
            Unit::Day => (false, "D", 1.0),
            Unit::Week => (false, "W", 1.0),
            Unit::Weekend => (false, "WE", 1.0),
            Unit::Fortnight => (false, "W", 2.0),
            Unit::Month => (false, "M", 1.0),
            Unit::Quarter => (false, "Q", 1.0),
            Unit::Half => (false, "M", 6.0),
            Unit::Year => (false, "Y", 1.0),
            Unit::Decade => (false, "Y", 10.0),
            Unit::Century => (false, "Y", 100.0),
        };
        let amount = match n {
            None => match self {
                Unit::Decade => return "PXE".into(),
                Unit::Century => return "PXC".into(),
                _ => "X".to_string(),
            },
            Some(x) => {
                let x = x * mult;
                if (x - x.round()).abs() < 1e-9 {
                    format!("{}", x.round() as i64)
                } else if letter == "Y" && ((x * 12.0) - (x * 12.0).round()).abs() < 1e-9 {
                    // 2 1/2 years: P2Y6M.
                    let months = (x * 12.0).round() as i64;
                    return format!("P{}Y{}M", months / 12, months % 12);
                } else if letter == "H" && t && ((x * 60.0) - (x * 60.0).round()).abs() < 1e-9 {
                    let mins = (x * 60.0).round() as i64;
                    return format!("PT{}H{}M", mins / 60, mins % 60);
                } else if letter == "M" && t && ((x * 60.0) - (x * 60.0).round()).abs() < 1e-9 {
                    // a minute and a half: PT1M30S.
                    let secs = (x * 60.0).round() as i64;
                    return format!("PT{}M{}S", secs / 60, secs % 60);
                } else if letter == "M" && !t && ((x * 30.0) - (x * 30.0).round()).abs() < 1e-9 {
                    let days = (x * 30.0).round() as i64;
                    return format!("P{days}D");
                } else {
                    format!("{x}")
                }
            }
        };
        format!("{}{}{}", if t { "PT" } else { "P" }, amount, letter)
    }
}

/// `2022-02-17` (written by hand: this is the hottest formatting path).
pub fn day(d: NaiveDate) -> String {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return format!("{:04}-{:02}-{:02}", y, d.month(), d.day());
    }
    let (y, m, dd) = (y as u32, d.month(), d.day());
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut s = String::with_capacity(10);
    s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]);
    s.push('-');
    s.extend([digit(m / 10), digit(m)]);
    s.push('-');
    s.extend([digit(dd / 10), digit(dd)]);
    s
}

/// `2022-W07`.
pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Month `m` (1-12) of year `y`, `XXXX-02` when the year is unknown.
pub fn month(y: Option<i32>, m: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("XXXX-{m:02}"),
    }
}

/// Year, `XXXX` when unknown.
pub fn year(y: Option<i32>) -> String {
    match y {
        Some(y) => format!("{y:04}"),
        None => "XXXX".into(),
    }
}

/// Adds `n` days (negative goes back), saturating at the calendar's ends.
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

/// Adds `n` months (negative goes back), clamping the day.
pub fn add_months(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32)).unwrap_or(d)
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs() as u32))
            .unwrap_or(d)
    }
}

/// ISO weekday number, Monday 1 to Sunday 7.
pub fn weekday_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// A date `d` with weekday `wd` (1-7) as news uses a bare weekday: the article's own weekday is the article
/// date; otherwise the closest one before (past) or after (future).
pub fn resolve_weekday(anchor: Option<NaiveDate>, wd: u32, dir: Direction) -> String {
    let Some(a) = anchor else {
        return format!("XXXX-WXX-{wd}");
    };
    let cur = weekday_num(a) as i64;
    let wd = wd as i64;
    let delta = match dir {
        Direction::Past => -((cur - wd).rem_euclid(7)),
        Direction::Future => (wd - cur).rem_euclid(7),
    };
    day(add_days(a, delta))
}

/// `last Friday` (strictly before) / `next Friday` (strictly after) / `this Friday` (same week).
pub fn shift_weekday(anchor: Option<NaiveDate>, wd: u32, shift: i32) -> String {
    let Some(a) = anchor else {
        return format!("XXXX-WXX-{wd}");
    };
    let cur = weekday_num(a) as i64;
    let wd = wd as i64;
    let delta = match shift.signum() {
        -1 => {
            let d = (cur - wd).rem_euclid(7);
            -(if d == 0 { 7 } else { d })
        }
        1 => {
            let d = (wd - cur).rem_euclid(7);
            if d == 0 {
                7
            } else {
                d
            }
        }
        _ => wd - cur,
    };
    day(add_days(a, delta))
}

/// The year of a bare month: this year's if it lies on the side `dir` points to, else the neighbouring year.
///
/// With no tense cue (`dir` None), the past one unless it is at most three months ahead.
pub fn resolve_month(anchor: Option<NaiveDate>, m: u32, dir: Option<Direction>) -> String {
    let Some(a) = anchor else {
        return month(None, m);
    };
    let diff = m as i32 - a.month() as i32;
    let y = match dir {
        Some(Direction::Past) if diff > 0 => a.year() - 1,
        Some(Direction::Future) if diff < 0 => a.year() + 1,
        // No cue: news mostly looks back, but a month just ahead is usually the coming one ("in March", in
        // February), and January read in November is the next one.
        None if diff > 3 => a.year() - 1,
        None if diff < -8 => a.year() + 1,
        _ => a.year(),
    };
    month(Some(y), m)
}

/// The year of a month and day without year: this year's, unless it lies well on the wrong side of the article
/// date for the tense (then the neighbouring year).
pub fn resolve_month_day(
    anchor: Option<NaiveDate>,
    m: u32,
    d: u32,
    dir: Option<Direction>,
) -> String {
    let Some(a) = anchor else {
        return format!("XXXX-{m:02}-{d:02}");
    };
    let mk = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
    let Some(this) = mk(a.year()) else {
        return format!("{:04}-{m:02}-{d:02}", a.year());
    };
    let diff = (this - a).num_days();
    let y = match dir {
        Some(Direction::Past) if diff > 100 => a.year() - 1,
        Some(Direction::Future) if diff < -100 => a.year() + 1,
        None if diff > 183 => a.year() - 1,
        None if diff < -183 => a.year() + 1,
        _ => a.year(),
    };
    match mk(y) {
        Some(x) => day(x),
        None => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// The value of the unit containing `anchor` shifted by `n` units (`last week` = n -1): `2022-W06`, `2022-01`,
/// `2021`, `2022-Q1`, `198` (decade), `20` (century).
pub fn unit_value(anchor: Option<NaiveDate>, unit: Unit, n: i64) -> String {
    let Some(a) = anchor else {
        return match unit {
            Unit::Day => "XXXX-XX-XX".into(),
            Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
            Unit::Weekend => "XXXX-WXX-WE".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Half => "XXXX-HX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
            _ => "XXXX".into(),
        };
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => day(add_days(a, n)),
        Unit::Week | Unit::Fortnight => week(add_days(a, 7 * n)),
        Unit::Weekend => format!("{}-WE", week(add_days(a, 7 * n))),
        Unit::Month => {
            let d = add_months(a, n);
            month(Some(d.year()), d.month())
        }
        Unit::Quarter => {
            let q = (a.year() as i64) * 4 + (a.month0() / 3) as i64 + n;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Half => {
            let h = (a.year() as i64) * 2 + (a.month0() / 6) as i64 + n;
            format!("{:04}-H{}", h.div_euclid(2), h.rem_euclid(2) + 1)
        }
        Unit::Year => year(Some(a.year() + n as i32)),
        Unit::Decade => format!("{:03}", (a.year() as i64).div_euclid(10) + n),
        Unit::Century => format!("{:02}", (a.year() as i64).div_euclid(100) + n),
    }
}

/// `n` units before (`n` < 0) or after the anchor, at the unit's granularity: `two years ago` = `2020`,
/// `three days ago` = `2022-02-14`, `six weeks ago` = a week value.
pub fn offset_value(anchor: Option<NaiveDate>, unit: Unit, n: i64) -> String {
    let Some(a) = anchor else {
        return if n < 0 { "PAST_REF" } else { "FUTURE_REF" }.into();
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => day(add_days(a, n)),
        Unit::Week => week(add_days(a, 7 * n)),
        Unit::Weekend => format!("{}-WE", week(add_days(a, 7 * n))),
        Unit::Fortnight => week(add_days(a, 14 * n)),
        Unit::Month => {
            let d = add_months(a, n);
            month(Some(d.year()), d.month())
        }
        Unit::Quarter => unit_value(anchor, Unit::Quarter, n),
        Unit::Half => {
            let d = add_months(a, 6 * n);
            month(Some(d.year()), d.month())
        }
        Unit::Year => year(Some(a.year() + n as i32)),
        Unit::Decade => year(Some(a.year() + 10 * n as i32)),
        Unit::Century => year(Some(a.year() + 100 * n as i32)),
    }
}

/// Shifts a TIMEX3 date value by `n` years when it has a year (`1989-Q3` -> `1988-Q3`).
pub fn shift_value_years(value: &str, n: i32) -> Option<String> {
    let y: i32 = value.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", y + n, &value[4..]))
}

/// Western Easter Sunday of year `y` (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let dd = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, dd as u32)
}

/// Orthodox Easter Sunday of year `y` in the civil (Gregorian) calendar: Meeus's Julian computus, then the
/// calendars' difference in spring of that century (13 days from 1900 to 2099).
pub fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(4);
    let b = y.rem_euclid(7);
    let c = y.rem_euclid(19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(y, month as u32, day as u32)?;
    let century = y.div_euclid(100);
    let gap = century - century.div_euclid(4) - 2;
    julian.checked_add_days(chrono::Days::new(u64::try_from(gap).ok()?))
}

/// The `nth` weekday `wd` of month `m` (nth 5 = last).
pub fn nth_weekday(y: i32, m: u32, wd: Weekday, nth: u8) -> Option<NaiveDate> {
    if nth >= 5 {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        let mut d = next.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, nth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn weekdays_point_back_or_to_the_article_day() {
        let a = d("2022-02-17"); // a Thursday
        assert_eq!(resolve_weekday(a, 4, Direction::Past), "2022-02-17");
        assert_eq!(resolve_weekday(a, 2, Direction::Past), "2022-02-15");
        assert_eq!(resolve_weekday(a, 1, Direction::Future), "2022-02-21");
        assert_eq!(shift_weekday(a, 4, -1), "2022-02-10");
        assert_eq!(shift_weekday(a, 2, 1), "2022-02-22");
        assert_eq!(resolve_weekday(None, 2, Direction::Past), "XXXX-WXX-2");
    }

    #[test]
    fn months_and_units() {
        let a = d("2022-02-17");
        assert_eq!(resolve_month(a, 12, Some(Direction::Past)), "2021-12");
        assert_eq!(resolve_month(a, 3, Some(Direction::Future)), "2022-03");
        assert_eq!(resolve_month_day(a, 2, 20, None), "2022-02-20");
        assert_eq!(
            resolve_month_day(a, 12, 15, Some(Direction::Past)),
            "2021-12-15"
        );
        assert_eq!(unit_value(a, Unit::Week, 0), "2022-W07");
        assert_eq!(unit_value(a, Unit::Quarter, -1), "2021-Q4");
        assert_eq!(unit_value(a, Unit::Decade, -1), "201");
        assert_eq!(offset_value(a, Unit::Year, -2), "2020");
        assert_eq!(Unit::Hour.duration(Some(5.5)), "PT5H30M");
        assert_eq!(Unit::Year.duration(Some(2.5)), "P2Y6M");
        assert_eq!(Unit::Decade.duration(Some(2.0)), "P20Y");
        assert_eq!(easter(2000), d("2000-04-23"));
        // Orthodox Easter: a week or five later than the Western one, or the same day.
        for (y, day) in [
            (2021, "2021-05-02"),
            (2022, "2022-04-24"),
            (2023, "2023-04-16"),
            (2024, "2024-05-05"),
            (2025, "2025-04-20"),
            (1990, "1990-04-15"),
        ] {
            assert_eq!(orthodox_easter(y), d(day), "{y}");
        }
    }
}
