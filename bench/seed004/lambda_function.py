# The seed's Python function (shared/seeds/004), kept as the baseline for the benchmarks.
# Two changes only, both needed for it to run at all:
#  - utc_format matched "2023-04-25 09:47:10Z" while CloudTrail writes "2023-04-25T09:47:10Z" (the seed
#    crashed on its own sample event);
#  - the topic ARN comes from TOPIC_ARN instead of a placeholder string.
# boto3 finds a local endpoint through AWS_ENDPOINT_URL, like the Java client through AWS_ENDPOINT_URL_SNS.
import json
import os
import boto3
import re
from datetime import datetime, timedelta

def lambda_handler(event, context):
    formatted_message = ''
    timechange = ''
    utc_format = "%Y-%m-%dT%H:%M:%SZ"  # fixed: the seed had "%Y-%m-%d %H:%M:%SZ"

    for line in json.dumps(event,indent=0).split('\n'):
        stripped_line = line.strip()
        if '"eventTime"' in stripped_line:
            timechange += line.replace('"eventTime"', '発生時刻') + '\n'
            match = re.search(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z', timechange)
            event_time_utc = match.group(0)
            utc_dt = datetime.strptime(event_time_utc, utc_format)
            jst_dt = utc_dt + timedelta(hours=9)
            jst_format = "%Y-%m-%dT%H:%M:%S%z"
            jst_str = jst_dt.strftime(jst_format)
            formatted_message += timechange.replace(event_time_utc, jst_str)
        elif '"region"' in stripped_line:
            formatted_message += line.replace('"region"', 'リージョン') + '\n'
        elif '"source"' in stripped_line:
            formatted_message += line.replace('"source"', 'イベント') + '\n'
        elif '"eventName"' in stripped_line:
            formatted_message += line.replace('"eventName"', 'イベントネーム') + '\n'
        elif '"userName"' in stripped_line:
            formatted_message += line.replace('"userName"', 'ユーザネーム') + '\n'
        elif '"sourceIPAddress"' in stripped_line:
            formatted_message += line.replace('"sourceIPAddress"', '接続元IPアドレス') + '\n'
        elif '"target"' in stripped_line:
            formatted_message += line.replace('"target"', '対象リソース') + '\n'

    sns = boto3.client('sns')
    topic_arn = os.environ['TOPIC_ARN']  # the seed: 'AWS-SNSのarnを記述'
    response = sns.publish(
    TopicArn=topic_arn,
    Message=formatted_message,
    Subject='通知メールの件名を記述',
    )

    return {
        'statusCode': 200,
        'body': json.dumps('Successfully sent formatted message to SNS')
    }


if __name__ == '__main__':
    # One cold invocation as a whole process: python3 lambda_function.py EVENT.json
    import sys
    with open(sys.argv[1], encoding='utf-8') as f:
        print(lambda_handler(json.load(f), None)['body'])
