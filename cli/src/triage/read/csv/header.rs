//! A tracking extract's dialect and header: which delimiter separates its
//! fields, and where the columns triage reads are.

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use crate::quoted::{self, Quoted};

/// The code column of the data view and its extracts.
const CODE_COLUMN: &str = "SMSStandardStatusCodeId";
/// The number column: the data view's `Mobile`, then `MobileNumber` as
/// `_SMSSubscriptionLog` and some hand-made extracts call it.
const NUMBER_COLUMNS: [&str; 2] = ["Mobile", "MobileNumber"];
/// One row per message in the data view.
const MESSAGE_COLUMN: &str = "MobileMessageTrackingID";
/// When the message was created: what orders a number's messages.
const TIME_COLUMN: &str = "CreateDateTime";
/// Delimiters Marketing Cloud's extracts and spreadsheets write, in the
/// order a tie is settled.
const DELIMITERS: [u8; 4] = [b',', b'\t', b'|', b';'];
/// Header columns listed in a message before the rest are counted.
const LISTED_COLUMNS: usize = 12;

/// Column names asked for on the command line; `None` finds the usual ones.
#[derive(Debug, Default, Clone)]
pub(crate) struct ColumnNames {
    pub(crate) code: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) time: Option<String>,
}

/// The columns found in one file's header: an index and its name.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    pub(crate) code: (usize, String),
    pub(crate) number: (usize, String),
    pub(crate) message: Option<(usize, String)>,
    pub(crate) time: Option<(usize, String)>,
}

impl Columns {
    /// Finds the columns in `header`: the named ones must be there; the
    /// message and time columns are used when present.
    pub(crate) fn find(header: &[String], names: &ColumnNames) -> Result<Self, String> {
        let required = |asked: &Option<String>, usual: &[&str], option: &str| match asked {
            Some(name) => find(header, &[name.as_str()], option),
            None => find(header, usual, option),
        };
        let optional = |asked: &Option<String>, usual: &str, option: &str| match asked {
            Some(name) => find(header, &[name.as_str()], option).map(Some),
            None => match find(header, &[usual], option) {
                Ok(found) => Ok(Some(found)),
                Err(Missing::Absent(_)) => Ok(None),
                Err(duplicate) => Err(duplicate),
            },
        };
        let found = (|| {
            Ok(Self {
                code: required(&names.code, &[CODE_COLUMN], "--column")?,
                number: required(&names.number, &NUMBER_COLUMNS, "--number-column")?,
                message: optional(&names.message, MESSAGE_COLUMN, "--message-column")?,
                time: optional(&names.time, TIME_COLUMN, "--time-column")?,
            })
        })();
        found.map_err(|missing: Missing| missing.explain(header))
    }

    /// The indexes of the code, number, message and time columns, in that
    /// order; `None` for a column the header lacks.
    pub(crate) fn indexes(&self) -> [Option<usize>; 4] {
        [
            Some(self.code.0),
            Some(self.number.0),
            self.message.as_ref().map(|(index, _)| *index),
            self.time.as_ref().map(|(index, _)| *index),
        ]
    }
}

/// Why a column was not found.
enum Missing {
    /// None of these names is in the header; the option names another.
    Absent(String),
    /// The name is in the header more than once.
    Twice {
        name: String,
        first: usize,
        second: usize,
        option: String,
    },
}

impl Missing {
    fn explain(self, header: &[String]) -> String {
        match self {
            Self::Absent(wanted) => {
                let advice = if header.len() == 1 {
                    "; the header is a single column: if the file separates its fields with \
                     another character, name it with --delimiter"
                } else {
                    ""
                };
                format!(
                    "no column {wanted} in the CSV header (it has: {}){advice}",
                    listing(header)
                )
            }
            Self::Twice {
                name,
                first,
                second,
                option,
            } => format!(
                "the CSV header has the column {} twice (columns {} and {}), so which one \
                 holds the data is unclear: rename one, or name another with {option}",
                Quoted::str(&name),
                first + 1,
                second + 1
            ),
        }
    }
}

/// The first of `names` in the header: an exact match, else one that
/// differs only in ASCII case. A name matched twice is an error.
fn find(header: &[String], names: &[&str], option: &str) -> Result<(usize, String), Missing> {
    let matching = |same: &dyn Fn(&str, &str) -> bool| {
        names.iter().find_map(|name| {
            let mut at = header
                .iter()
                .enumerate()
                .filter(|(_, column)| same(column.trim(), name))
                .map(|(index, _)| index);
            let first = at.next()?;
            Some(match at.next() {
                None => Ok((first, header[first].trim().to_owned())),
                Some(second) => Err(Missing::Twice {
                    name: (*name).to_owned(),
                    first,
                    second,
                    option: option.to_owned(),
                }),
            })
        })
    };
    matching(&|column, name| column == name)
        .or_else(|| matching(&|column, name| column.eq_ignore_ascii_case(name)))
        .unwrap_or_else(|| {
            let names: Vec<String> = names.iter().map(|name| quoted::as_name(name)).collect();
            Err(Missing::Absent(format!(
                "{} (name the column with {option} NAME)",
                names.join(" or ")
            )))
        })
}

/// The header's columns for a message: quoted, and only the first few.
fn listing(header: &[String]) -> String {
    let mut listed: Vec<String> = header
        .iter()
        .take(LISTED_COLUMNS)
        .map(|column| Quoted::str(column).to_string())
        .collect();
    if header.len() > LISTED_COLUMNS {
        listed.push(format!("and {} more", header.len() - LISTED_COLUMNS));
    }
    listed.join(", ")
}

/// The header row, read from the start of an extract.
pub(crate) struct Header {
    /// Its column names.
    pub(crate) names: Vec<String>,
    /// Bytes the header took, blank lines before it included.
    pub(crate) length: u64,
    /// Line breaks in those bytes.
    pub(crate) newlines: u64,
}

/// Reads the header row, the first record, however long (a 10 MB header is
/// read, not refused; messages show only its start), and leaves `reader`
/// at the first row. `None` when the text has no record at all.
pub(crate) fn read_header(reader: &mut impl BufRead, delimiter: u8) -> io::Result<Option<Header>> {
    let mut core: Reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut output = vec![0; 1 << 12];
    let mut ends = vec![0; 64];
    let (mut written, mut ended) = (0, 0);
    let (mut length, mut newlines) = (0, 0);
    loop {
        let input = reader.fill_buf()?;
        let at_end = input.is_empty();
        let (result, read, nout, nend) =
            core.read_record(input, &mut output[written..], &mut ends[ended..]);
        length += read as u64;
        newlines += memchr::memchr_iter(b'\n', &input[..read]).count() as u64;
        reader.consume(read);
        written += nout;
        ended += nend;
        match result {
            ReadRecordResult::Record => {
                let names = (0..ended)
                    .map(|index| {
                        let start = if index == 0 { 0 } else { ends[index - 1] };
                        String::from_utf8_lossy(&output[start..ends[index]]).into_owned()
                    })
                    .collect();
                return Ok(Some(Header {
                    names,
                    length,
                    newlines,
                }));
            }
            ReadRecordResult::End => return Ok(None),
            ReadRecordResult::InputEmpty if at_end => return Ok(None),
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
        }
    }
}

/// The delimiter of the header line, the first that is not blank: the one
/// of comma, tab, pipe and semicolon that occurs most often outside
/// quotes; comma when none does.
pub(crate) fn sniff_delimiter(start: &[u8]) -> u8 {
    let line = start
        .split(|&byte| byte == b'\n' || byte == b'\r')
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let mut counts = [0_usize; DELIMITERS.len()];
    let mut quoted = false;
    for &byte in line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(index) = DELIMITERS.iter().position(|&delimiter| delimiter == byte) {
                counts[index] += 1;
            }
        }
    }
    let mut best = 0;
    for (index, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = index;
        }
    }
    DELIMITERS[best]
}

/// Excel's line naming the delimiter, `sep=;`, first in a file it saves:
/// the delimiter and the line's length with its line break, when `start`
/// begins with one.
pub(crate) fn excel_separator(start: &[u8]) -> Option<(u8, usize)> {
    let rest = start.strip_prefix(b"sep=")?;
    let (&delimiter, after) = rest.split_first()?;
    let length = match after {
        [b'\r', b'\n', ..] => 7,
        [b'\n' | b'\r', ..] => 6,
        _ => return None,
    };
    (delimiter != b'"' && delimiter.is_ascii()).then_some((delimiter, length))
}

/// Reads `--delimiter`: one ASCII character, or a name for the usual ones.
pub(crate) fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "pipe" => Ok(b'|'),
        "semicolon" => Ok(b';'),
        _ => match text.as_bytes() {
            &[byte] if byte.is_ascii() && byte != b'"' && byte != b'\n' && byte != b'\r' => {
                Ok(byte)
            }
            _ => Err(format!(
                "expected one character, or tab, comma, pipe or semicolon; found {}",
                Quoted::str(text)
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{ColumnNames, Columns, excel_separator, parse_delimiter, sniff_delimiter};

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc\r\n1\t2\t3"), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c"), b'|');
        assert_eq!(sniff_delimiter(b"a;b;c"), b';');
        assert_eq!(sniff_delimiter(b"\"a,b\"|c|d"), b'|');
        assert_eq!(sniff_delimiter(b"single"), b',');
        assert_eq!(sniff_delimiter(b"\n\r\na\tb\tc\n1,2,3,4"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b;c\r1,2,3,4"), b';');
        assert_eq!(sniff_delimiter(b""), b',');
    }

    #[test]
    fn excels_separator_line_names_the_delimiter() {
        assert_eq!(excel_separator(b"sep=;\r\nMobile;Code"), Some((b';', 7)));
        assert_eq!(excel_separator(b"sep=|\nMobile|Code"), Some((b'|', 6)));
        assert_eq!(excel_separator(b"sep=\t\n"), Some((b'\t', 6)));
        assert_eq!(excel_separator(b"sep=;;\n"), None);
        assert_eq!(excel_separator(b"sep=;"), None);
        assert_eq!(excel_separator(b"Mobile,sep=;\n"), None);
    }

    #[test]
    fn delimiter_names_and_characters_are_read() {
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter("\\t"), Ok(b'\t'));
        assert_eq!(parse_delimiter("|"), Ok(b'|'));
        assert_eq!(parse_delimiter("pipe"), Ok(b'|'));
        assert!(parse_delimiter("||").is_err());
        assert!(parse_delimiter("\"").is_err());
    }

    fn header(columns: &[&str]) -> Vec<String> {
        columns.iter().map(|column| (*column).to_owned()).collect()
    }

    #[test]
    fn the_data_views_columns_are_found_by_their_names() {
        let found = Columns::find(
            &header(&[
                "MobileMessageTrackingID",
                "MobileNumber",
                "Mobile",
                "CreateDateTime",
                "SMSStandardStatusCodeId",
            ]),
            &ColumnNames::default(),
        )
        .expect("columns");
        assert_eq!(found.number, (2, "Mobile".to_owned()));
        assert_eq!(found.code.0, 4);
        assert_eq!(found.message.map(|(index, _)| index), Some(0));
        assert_eq!(found.time.map(|(index, _)| index), Some(3));
        let found = Columns::find(
            &header(&["mobilenumber", "smsstandardstatuscodeid"]),
            &ColumnNames::default(),
        )
        .expect("any case");
        assert_eq!((found.number.0, found.code.0), (0, 1));
        assert!(found.message.is_none() && found.time.is_none());
    }

    #[test]
    fn a_needed_column_named_twice_is_an_error_naming_it() {
        let error = Columns::find(
            &header(&["Mobile", "SMSStandardStatusCodeId", "Mobile"]),
            &ColumnNames::default(),
        )
        .expect_err("twice");
        assert!(
            error.contains("\"Mobile\" twice (columns 1 and 3)"),
            "{error}"
        );
        let error = Columns::find(
            &header(&[
                "Mobile",
                "SMSStandardStatusCodeId",
                "CreateDateTime",
                "createdatetime",
            ]),
            &ColumnNames::default(),
        );
        assert!(error.is_ok(), "an exact match is not ambiguous: {error:?}");
    }

    #[test]
    fn a_missing_column_names_what_the_header_has_briefly() {
        let many: Vec<String> = (0..100).map(|index| format!("c{index}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let error = Columns::find(&header(&many), &ColumnNames::default()).expect_err("missing");
        assert!(error.contains("and 88 more"), "{error}");
        let error = Columns::find(
            &header(&["Mobile;SMSStandardStatusCodeId"]),
            &ColumnNames::default(),
        )
        .expect_err("one column");
        assert!(error.contains("--delimiter"), "{error}");
    }
}
