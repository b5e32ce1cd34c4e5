#!/usr/bin/env python3
"""Prints template.yaml after the SAM transform, as JSON: what CloudFormation deploys.

usage: python3 src/test/python/sam_transform.py template.yaml [NAME=VALUE ...]
NAME=VALUE: a template parameter's value, as CloudFormation passes it to the transform.
The tests read the EventBridge rules' patterns from this output, so they check what is deployed
rather than what the template's shorthand says.
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no AWS managed policies by name, so none need looking up."""

    def load(self):
        return {}


def main(path, overrides):
    # The translator asks boto for the region even when pseudo parameters are given.
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-northeast-1")
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # `sam package` uploads local code and writes its S3 location; the translator only accepts that.
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function" and not str(props.get("CodeUri", "")).startswith("s3://"):
            props["CodeUri"] = "s3://packaged-by-sam/cloudtrail-notifier.zip"
    params = {"AWS::Region": "ap-northeast-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}
    for override in overrides:
        name, _, value = override.partition("=")
        params[name] = value
    transformed = transform(template, params, NoManagedPolicies())
    json.dump(transformed, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
