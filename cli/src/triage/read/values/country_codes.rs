//! The country calling codes of the international numbering plan (ITU-T
//! E.164), with the lengths of the national numbers each one can be
//! followed by: what tells a number that is someone's from digits that
//! cannot be (a code no country has, too few or too many digits).
//!
//! The codes are those the ITU has assigned to countries and territories
//! and lists in "List of ITU-T Recommendation E.164 assigned country
//! codes" (the complement to the ITU Operational Bulletin), checked against
//! the numbering plans of libphonenumber 9.0.33 (PhoneNumberMetadata.xml),
//! which also gives each code's shortest and longest national number of
//! any type. A whole number has at most 15 digits. The list changes once in
//! some years (+211 South Sudan in 2011, +383 Kosovo in 2016): a new code
//! is one line here.
//!
//! Codes are prefix-free (no code begins another), so the code of a number
//! is the one of its first one, two or three digits that is listed.

/// A country calling code and what may follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CountryCode {
    pub(crate) code: u16,
    /// The fewest and the most digits of a national number after it.
    pub(crate) shortest: u8,
    pub(crate) longest: u8,
    /// Whether numbers written nationally start with a trunk `0` that the
    /// international form drops (`07700 900123` is `+44 7700 900123`); in
    /// Italy, for one, a leading 0 is part of the number.
    pub(crate) trunk_zero: bool,
}

const fn code(code: u16, shortest: u8, longest: u8, trunk_zero: bool) -> CountryCode {
    CountryCode {
        code,
        shortest,
        longest,
        trunk_zero,
    }
}

/// Every country calling code, in order, with the territories it serves.
#[rustfmt::skip]
static CODES: [CountryCode; 215] = [
    code(1, 7, 10, false), // AG, AI, AS, BB, BM, BS, CA, DM, DO, GD, GU, JM, KN, KY, LC, MP, MS, PR, SX, TC, TT, US, VC, VG, VI
    code(7, 10, 14, false), // KZ, RU
    code(20, 8, 10, true), // EG
    code(27, 5, 10, true), // ZA
    code(30, 10, 12, false), // GR
    code(31, 5, 11, true), // NL
    code(32, 8, 9, true), // BE
    code(33, 9, 9, true), // FR
    code(34, 9, 9, false), // ES
    code(36, 8, 9, false), // HU
    code(39, 6, 12, false), // IT, VA
    code(40, 6, 9, true), // RO
    code(41, 9, 12, true), // CH
    code(43, 4, 13, true), // AT
    code(44, 7, 10, true), // GB, GG, IM, JE
    code(45, 8, 8, false), // DK
    code(46, 6, 12, true), // SE
    code(47, 5, 8, false), // NO, SJ
    code(48, 6, 10, false), // PL
    code(49, 4, 13, true), // DE
    code(51, 8, 9, true), // PE
    code(52, 10, 10, false), // MX
    code(53, 6, 10, true), // CU
    code(54, 10, 11, true), // AR
    code(55, 8, 11, true), // BR
    code(56, 9, 11, false), // CL
    code(57, 8, 11, true), // CO
    code(58, 10, 10, true), // VE
    code(60, 8, 10, true), // MY
    code(61, 5, 12, true), // AU, CC, CX
    code(62, 7, 13, true), // ID
    code(63, 6, 13, true), // PH
    code(64, 5, 10, true), // NZ
    code(65, 8, 11, false), // SG
    code(66, 8, 13, true), // TH
    code(81, 8, 13, true), // JP
    code(82, 5, 13, true), // KR
    code(84, 7, 10, true), // VN
    code(86, 7, 12, true), // CN
    code(90, 7, 13, true), // TR
    code(91, 8, 13, true), // IN
    code(92, 8, 12, true), // PK
    code(93, 9, 9, true), // AF
    code(94, 9, 9, true), // LK
    code(95, 6, 10, true), // MM
    code(98, 4, 10, true), // IR
    code(211, 9, 9, true), // SS
    code(212, 9, 9, true), // EH, MA
    code(213, 8, 9, true), // DZ
    code(216, 8, 8, false), // TN
    code(218, 9, 9, true), // LY
    code(220, 7, 7, false), // GM
    code(221, 9, 9, false), // SN
    code(222, 8, 8, false), // MR
    code(223, 8, 8, false), // ML
    code(224, 8, 9, false), // GN
    code(225, 10, 10, false), // CI
    code(226, 8, 8, false), // BF
    code(227, 8, 8, false), // NE
    code(228, 8, 8, false), // TG
    code(229, 8, 10, false), // BJ
    code(230, 7, 10, false), // MU
    code(231, 7, 9, true), // LR
    code(232, 8, 8, true), // SL
    code(233, 8, 9, true), // GH
    code(234, 10, 12, true), // NG
    code(235, 8, 8, false), // TD
    code(236, 8, 8, false), // CF
    code(237, 8, 9, false), // CM
    code(238, 7, 7, false), // CV
    code(239, 7, 7, false), // ST
    code(240, 9, 9, false), // GQ
    code(241, 7, 8, false), // GA
    code(242, 9, 9, false), // CG
    code(243, 7, 10, true), // CD
    code(244, 9, 9, false), // AO
    code(245, 7, 9, false), // GW
    code(246, 7, 7, false), // IO
    code(247, 5, 6, false), // AC
    code(248, 7, 7, false), // SC
    code(249, 9, 9, true), // SD
    code(250, 8, 9, true), // RW
    code(251, 9, 9, true), // ET
    code(252, 6, 9, true), // SO
    code(253, 8, 8, false), // DJ
    code(254, 7, 10, true), // KE
    code(255, 9, 9, true), // TZ
    code(256, 9, 9, true), // UG
    code(257, 8, 8, false), // BI
    code(258, 8, 9, false), // MZ
    code(260, 9, 9, true), // ZM
    code(261, 9, 9, true), // MG
    code(262, 9, 9, true), // RE, YT
    code(263, 5, 10, true), // ZW
    code(264, 8, 9, true), // NA
    code(265, 7, 9, true), // MW
    code(266, 8, 8, false), // LS
    code(267, 7, 10, false), // BW
    code(268, 8, 9, false), // SZ
    code(269, 7, 7, false), // KM
    code(290, 4, 5, false), // SH, TA
    code(291, 7, 7, true), // ER
    code(297, 7, 7, false), // AW
    code(298, 6, 6, false), // FO
    code(299, 6, 6, false), // GL
    code(350, 8, 8, false), // GI
    code(351, 9, 9, false), // PT
    code(352, 4, 11, false), // LU
    code(353, 7, 10, true), // IE
    code(354, 7, 9, false), // IS
    code(355, 6, 9, true), // AL
    code(356, 8, 8, false), // MT
    code(357, 8, 8, false), // CY
    code(358, 5, 12, true), // AX, FI
    code(359, 6, 12, true), // BG
    code(370, 8, 8, true), // LT
    code(371, 8, 8, false), // LV
    code(372, 7, 10, false), // EE
    code(373, 8, 8, true), // MD
    code(374, 8, 8, true), // AM
    code(375, 6, 11, false), // BY
    code(376, 6, 9, false), // AD
    code(377, 8, 9, true), // MC
    code(378, 8, 10, false), // SM
    code(380, 9, 10, true), // UA
    code(381, 6, 12, true), // RS
    code(382, 8, 9, true), // ME
    code(383, 8, 12, true), // XK
    code(385, 7, 9, true), // HR
    code(386, 5, 8, true), // SI
    code(387, 8, 9, true), // BA
    code(389, 8, 8, true), // MK
    code(420, 9, 12, false), // CZ
    code(421, 6, 9, true), // SK
    code(423, 7, 9, true), // LI
    code(500, 5, 5, false), // FK
    code(501, 7, 11, false), // BZ
    code(502, 8, 11, false), // GT
    code(503, 7, 11, false), // SV
    code(504, 8, 11, false), // HN
    code(505, 8, 8, false), // NI
    code(506, 8, 10, false), // CR
    code(507, 7, 11, false), // PA
    code(508, 6, 9, true), // PM
    code(509, 8, 8, false), // HT
    code(590, 9, 9, true), // BL, GP, MF
    code(591, 8, 9, true), // BO
    code(592, 7, 7, false), // GY
    code(593, 8, 11, true), // EC
    code(594, 9, 9, true), // GF
    code(595, 6, 11, true), // PY
    code(596, 9, 9, true), // MQ
    code(597, 6, 7, false), // SR
    code(598, 4, 12, true), // UY
    code(599, 7, 8, false), // BQ, CW
    code(670, 7, 8, false), // TL
    code(672, 6, 6, false), // NF
    code(673, 7, 7, false), // BN
    code(674, 7, 7, false), // NR
    code(675, 7, 8, false), // PG
    code(676, 5, 7, false), // TO
    code(677, 5, 7, false), // SB
    code(678, 5, 7, false), // VU
    code(679, 7, 11, false), // FJ
    code(680, 7, 7, false), // PW
    code(681, 6, 9, false), // WF
    code(682, 5, 5, false), // CK
    code(683, 4, 7, false), // NU
    code(685, 5, 10, false), // WS
    code(686, 5, 8, true), // KI
    code(687, 6, 6, false), // NC
    code(688, 5, 7, false), // TV
    code(689, 6, 9, false), // PF
    code(690, 4, 7, false), // TK
    code(691, 7, 7, false), // FM
    code(692, 7, 7, false), // MH
    code(800, 8, 8, false), // 001
    code(808, 8, 8, false), // 001
    code(850, 8, 10, true), // KP
    code(852, 5, 11, false), // HK
    code(853, 7, 8, false), // MO
    code(855, 8, 10, true), // KH
    code(856, 8, 10, true), // LA
    code(870, 9, 12, false), // 001
    code(878, 12, 12, false), // 001
    code(880, 6, 10, true), // BD
    code(881, 9, 10, false), // 001
    code(882, 7, 12, false), // 001
    code(883, 8, 12, false), // 001
    code(886, 7, 11, true), // TW
    code(888, 11, 11, false), // 001
    code(960, 7, 10, false), // MV
    code(961, 7, 8, true), // LB
    code(962, 8, 9, true), // JO
    code(963, 8, 9, true), // SY
    code(964, 8, 10, true), // IQ
    code(965, 7, 8, false), // KW
    code(966, 9, 10, true), // SA
    code(967, 7, 9, true), // YE
    code(968, 7, 9, false), // OM
    code(970, 8, 10, true), // PS
    code(971, 5, 12, true), // AE
    code(972, 7, 12, true), // IL
    code(973, 8, 8, false), // BH
    code(974, 7, 11, false), // QA
    code(975, 7, 8, false), // BT
    code(976, 8, 10, true), // MN
    code(977, 8, 11, true), // NP
    code(979, 9, 9, false), // 001
    code(992, 9, 9, false), // TJ
    code(993, 8, 8, false), // TM
    code(994, 9, 9, true), // AZ
    code(995, 9, 9, true), // GE
    code(996, 9, 10, true), // KG
    code(998, 9, 9, false), // UZ
];

/// Where each code from 0 to 999 is in [`CODES`], plus one; 0 for a code
/// no country has.
#[expect(
    clippy::cast_possible_truncation,
    reason = "215 codes: each place fits a u8"
)]
static INDEX: [u8; 1000] = {
    let mut index = [0; 1000];
    let mut at = 0;
    while at < CODES.len() {
        index[CODES[at].code as usize] = (at + 1) as u8;
        at += 1;
    }
    index
};

impl CountryCode {
    /// The country calling code `code`, if a country has it.
    pub(crate) fn of(code: u16) -> Option<Self> {
        let at = *INDEX.get(usize::from(code))?;
        (at > 0).then(|| CODES[usize::from(at) - 1])
    }

    /// The code a number in international form starts with: its first one,
    /// two or three digits, whichever is a code.
    pub(crate) fn starting(digits: &[u8]) -> Option<Self> {
        let mut code = 0;
        for &digit in digits.iter().take(3) {
            code = code * 10 + u16::from(digit);
            if let Some(found) = Self::of(code) {
                return Some(found);
            }
        }
        None
    }

    /// How many digits the code has.
    pub(crate) fn digits(self) -> usize {
        match self.code {
            0..=9 => 1,
            10..=99 => 2,
            _ => 3,
        }
    }

    /// Whether a national number of `length` digits can follow the code.
    pub(crate) fn takes(self, length: usize) -> bool {
        (usize::from(self.shortest)..=usize::from(self.longest)).contains(&length)
    }
}

#[cfg(test)]
mod tests {
    use super::{CODES, CountryCode};

    #[test]
    fn no_code_begins_another_and_no_number_passes_15_digits() {
        for country in &CODES {
            let text = country.code.to_string();
            for shorter in 1..text.len() {
                let prefix: u16 = text[..shorter].parse().expect("digits");
                assert_eq!(
                    CountryCode::of(prefix),
                    None,
                    "{prefix} begins {}",
                    country.code
                );
            }
            assert!(
                country.digits() + usize::from(country.longest) <= 15,
                "{country:?}"
            );
            assert!(country.shortest <= country.longest, "{country:?}");
        }
        for pair in CODES.windows(2) {
            assert!(pair[0].code < pair[1].code, "in order: {pair:?}");
        }
    }

    #[test]
    fn a_numbers_code_is_found_by_its_first_digits() {
        let digits = |text: &str| text.bytes().map(|byte| byte - b'0').collect::<Vec<u8>>();
        assert_eq!(
            CountryCode::starting(&digits("15550100001")).map(|c| c.code),
            Some(1)
        );
        assert_eq!(
            CountryCode::starting(&digits("447700900123")).map(|c| c.code),
            Some(44)
        );
        assert_eq!(
            CountryCode::starting(&digits("6831234")).map(|c| c.code),
            Some(683)
        );
        assert_eq!(CountryCode::starting(&digits("999123456")), None);
        assert_eq!(CountryCode::starting(&digits("42")), None);
        let britain = CountryCode::of(44).expect("a code");
        assert!(britain.trunk_zero && britain.takes(10) && !britain.takes(3));
        assert!(!CountryCode::of(39).expect("Italy").trunk_zero);
    }
}
