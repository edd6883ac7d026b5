"""A client written the way the original 2012 Python clients were: framed transport, binary
protocol, the seed's `plot` call. Prints one JSON object per line for the Java test to check."""
import json
import sys

from thrift.protocol import TBinaryProtocol
from thrift.transport import TSocket, TTransport

from plot_thrift import Plot
from plot_thrift.ttypes import PlotError, Sample

host, port = sys.argv[1], int(sys.argv[2])
socket = TSocket.TSocket(host, port)
transport = TTransport.TFramedTransport(socket)
client = Plot.Client(TBinaryProtocol.TBinaryProtocol(transport))
transport.open()

# 1,440 points to cid 3, rid 95, one call each, stamped by the server's clock.
for minute in range(1440):
    client.plot(3, 95, (minute % 24 + 1) * 131072)

newest = client.plot_point(3, 95, 1440)
print(json.dumps({"count": len(newest), "first": newest[:3], "last": newest[-1]}))

mbits = client.plot_point_base(3, 95, 3, 131072.0)
print(json.dumps({"base": mbits}))

saved = client.save([Sample(cid=4, rid=1, value=7, time=1764806400),
                     Sample(cid=4, rid=1, value=8)])
print(json.dumps({"saved": saved}))

try:
    client.plot_point(3, 95, 0)
    print(json.dumps({"error": None}))
except PlotError as error:
    print(json.dumps({"error": error.field, "code": error.code}))

try:
    client.save([Sample(cid=4, rid=1, value=1), Sample(cid=4, rid=-5, value=2)])
except PlotError as error:
    print(json.dumps({"refused": error.field, "index": error.index}))
print(json.dumps({"after_refusal": client.plot_point(4, 1, 10)}))
transport.close()
