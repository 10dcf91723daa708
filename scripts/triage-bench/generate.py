#!/usr/bin/env python3
"""Writes a large `_SMSMessageTracking`-shaped extract for benchmarking triage.

The rows copy the shape of cli/samples/sms-message-tracking.csv (42 columns,
one row per message, some message texts quoted because they hold a comma)
with codes drawn from a realistic mix, a few codes the table does not list,
and mobile numbers drawn from a pool so numbers recur across sends. Each
message is created a few seconds after the one before, from 1/1/2025 on,
in Marketing Cloud's US form (`1/1/2025 12:00:07 AM`), so a number's sends
are ordered by time as in the data view. Every code is well formed, so the
tools compared all read the whole file without error; bad rows are covered
by the tests, not by the benchmark.

Usage: generate.py OUTPUT [--size-mb 1024] [--seed 7]
"""

import argparse
import datetime
import os
import random
import sys

HEADER = (
    "MobileMessageTrackingID,EID,MID,Mobile,MessageID,KeywordID,CodeID,"
    "ConversationID,CampaignID,Sent,Delivered,Undelivered,Outbound,Inbound,"
    "CreateDateTime,ModifiedDateTime,ActionDateTime,MessageText,IsTest,"
    "MobileMessageRecurrenceID,ResponseToMobileMessageTrackingID,IsValid,"
    "InvalidationCode,SendID,SendSplitID,SendSegmentID,SendJobID,SendGroupID,"
    "SendPersonID,SubscriberID,SubscriberKey,SMSStandardStatusCodeId,"
    "Description,Name,ShortCode,SharedKeyword,Ordinal,FromName,JBActivityID,"
    "JBDefinitionID,SMSJobID,SMSBatchID\n"
)

# (code, description, weight): mostly delivered, as in a healthy send.
CODES = [
    ("4000", "Delivered to handset", 820),
    ("2000", "Message was Delivered to Aggregator", 40),
    ("3001", "Message Sent to Carrier", 15),
    ("3002", "Accepted by carrier", 5),
    ("4501", "Expired", 30),
    ("4504", "Failed due to unknown subscriber", 25),
    ("4505", "Failed due to invalid destination address", 20),
    ("4503", "Rejected", 10),
    ("4500", "Undeliverable", 8),
    ("2600", "Throttled", 8),
    ("2502", "Invalid destination address", 5),
    ("1501", "Validation error", 5),
    ("3400", "Unknown", 4),
    ("4510", "Carrier opt-out", 3),
    ("2601", "Socket exception", 2),
]

TEXTS = [
    "Your order shipped",
    '"Your order shipped, track it at example.test"',
    "Your code is 482913",
    '"Reminder: your appointment is tomorrow, reply C to confirm"',
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    target = args.size_mb << 20
    codes = [code for code, _, _ in CODES]
    descriptions = {code: text for code, text, _ in CODES}
    weights = [weight for _, _, weight in CODES]
    pool = 1_000_000  # distinct mobile numbers; each recurs a few times

    start = datetime.datetime(2025, 1, 1)

    def us_time(seconds):
        """Marketing Cloud's extract form: 1/1/2025 1:02:03 PM."""
        moment = start + datetime.timedelta(seconds=seconds)
        hour = moment.hour % 12 or 12
        half = "AM" if moment.hour < 12 else "PM"
        return (f"{moment.month}/{moment.day}/{moment.year} "
                f"{hour}:{moment.minute:02}:{moment.second:02} {half}")

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    written = 0
    row_id = 9_000_000
    with open(args.output, "w", newline="", buffering=1 << 20) as out:
        out.write(HEADER)
        written += len(HEADER)
        while written < target:
            batch = []
            for code in rng.choices(codes, weights, k=10_000):
                row_id += 1
                number = 15550000000 + rng.randrange(pool)
                job = row_id // 50_000
                delivered = "1" if code == "4000" else "0"
                undelivered = "1" if code[1] >= "5" else "0"
                text = TEXTS[row_id & 3]
                created = us_time((row_id - 9_000_000) * 7)
                modified = us_time((row_id - 9_000_000) * 7 + 51)
                batch.append(
                    f"{row_id},100000001,100000001,{number},{7000 + job},,3001,,,1,"
                    f"{delivered},{undelivered},1,0,{created},"
                    f"{modified},{modified},{text},0,,,1,,,,,,,,,"
                    f"sub-{number},{code},{descriptions[code]},Order Shipped,55501,,"
                    f"{row_id % 3},,,,J-{job},B-{row_id // 1000}\n"
                )
            chunk = "".join(batch)
            out.write(chunk)
            written += len(chunk)
    print(f"wrote {written >> 20} MiB, {row_id - 9_000_000} rows to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
