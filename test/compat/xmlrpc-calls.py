#!/usr/bin/python3
# Runs XML-RPC calls through supervisor's own SupervisorTransport (what supervisorctl uses) on a
# unix socket and prints one JSON result per call: {"value": v}, {"fault": [code, string]} or
# {"http": [status, reason]}.
#
#   xmlrpc-calls.py <socket path>   < [[method, [params...]], ...]
#
# Params are JSON; {"$binary": "text"} sends a <base64> value, {"$double": 1.5} a <double>.

import json
import sys
import xmlrpc.client

from supervisor.xmlrpc import SupervisorTransport


def to_wire(value):
    if isinstance(value, dict):
        if set(value) == {'$binary'}:
            return xmlrpc.client.Binary(value['$binary'].encode('utf-8'))
        if set(value) == {'$double'}:
            return float(value['$double'])
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_wire(v) for v in value]
    return value


def to_json(value):
    if isinstance(value, xmlrpc.client.Binary):
        return {'$binary': value.data.decode('utf-8', 'replace')}
    if isinstance(value, xmlrpc.client.DateTime):
        return {'$datetime': value.value}
    if isinstance(value, float):
        return {'$double': value}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def main():
    socket_path = sys.argv[1]
    calls = json.load(sys.stdin)
    transport = SupervisorTransport(None, None, 'unix://' + socket_path)
    proxy = xmlrpc.client.ServerProxy('http://127.0.0.1', transport=transport)
    results = []
    for method, params in calls:
        try:
            value = getattr(proxy, method)(*[to_wire(p) for p in params])
            results.append({'value': to_json(value)})
        except xmlrpc.client.Fault as fault:
            results.append({'fault': [fault.faultCode, fault.faultString]})
        except xmlrpc.client.ProtocolError as error:
            results.append({'http': [error.errcode, error.errmsg]})
            # the transport may be unusable after an HTTP error
            transport = SupervisorTransport(None, None, 'unix://' + socket_path)
            proxy = xmlrpc.client.ServerProxy('http://127.0.0.1', transport=transport)
    json.dump(results, sys.stdout)


main()
