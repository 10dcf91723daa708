//! The receiver on a status table of the user's own (`SMS_STATUS_CODES`,
//! as a service's environment names it, or `--codes`): its lists and
//! report classify as that table does, as triage's do.

use crate::serve::http::{get, post_signed};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

/// The example gateway's table, which adds 4600 `BlockedByOurGateway` (action
/// suppress-number).
const GATEWAY_TABLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/my-gateway/my-codes.toml"
);

/// A message bounced with the gateway's own code, and one delivered.
const BATCH: &str = r#"[
  {"eventCategoryType": "TransactionalSendEvents.SmsBounced", "timestampUTC": 1790949799000,
   "info": {"messageKey": "m-1", "to": "15550100007", "statusCode": "4600"}},
  {"eventCategoryType": "TransactionalSendEvents.SmsDelivered", "timestampUTC": 1790949799000,
   "info": {"messageKey": "m-2", "to": "15550100008", "statusCode": "4000"}}
]"#;

#[test]
fn the_receivers_lists_and_report_classify_by_the_table_of_ones_own() {
    for (name, variables, suppressed) in [
        (
            "serve-own-table",
            &[("SMS_STATUS_CODES", GATEWAY_TABLE)][..],
            "15550100007\n",
        ),
        ("serve-built-in-table", &[][..], ""),
    ] {
        let directory = with_keys(name, &[KEY]);
        let server = Server::start_with(&directory, "127.0.0.1:0", &[], variables);
        let answer = post_signed(server.address, &key_bytes(), BATCH.as_bytes()).expect("answered");
        assert_eq!(answer.status, 200, "{name}: {}", answer.text());
        let suppress = get(server.address, "/lists/suppress.txt");
        assert_eq!(String::from_utf8_lossy(&suppress), suppressed, "{name}");
        let report: serde_json::Value =
            serde_json::from_slice(&get(server.address, "/report.json")).expect("a JSON report");
        let named = report["failure_codes"][0]["status"] == "BlockedByOurGateway";
        assert_eq!(named, !suppressed.is_empty(), "{name}: {report}");
    }
}
