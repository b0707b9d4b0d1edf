#!/usr/bin/env python3
# The log burst of bench/scenarios/log-throughput.ts, measured per thread: starts a daemon on a
# config with one `cat` of 256 MiB into a 50 MiB x 10 log, reads every thread's CPU (schedstat),
# its system calls (/proc/PID/io) and context switches around the burst, and interleaves the
# subjects. Used for the issue 13 profile in docs/benchmarks.md. Run `npm run build` first.
#
#   python3 bench/tools/log-cpu-threads.py RUNS SUBJECT[:FORMAT][@ENV=VALUE,...] ...
#   SUBJECT: ts (this checkout's bin/tssupervisord), sd (/usr/bin/supervisord),
#            base (a second build at $BASE_TS, e.g. an older commit's bin/tssupervisord;
#            base2 at $BASE2_TS, and so on)
#   FORMAT:  raw (default), timestamped or json;  PERF=1 also records `perf record -g`.
#   e.g.     python3 bench/tools/log-cpu-threads.py 5 base ts sd ts:timestamped
import os,sys,time,subprocess,shutil,glob,collections,hashlib
MiB=1<<20; SIZE=256*MiB; LINE=128
base=os.path.join(os.environ.get('TMPDIR','/tmp'),'log-cpu-threads'); os.makedirs(base,exist_ok=True)
data=base+'/data.txt'
if not os.path.exists(data) or os.path.getsize(data)!=SIZE:
    filler=('abcdefghijklmnopqrstuvwxyz0123456789'*4)[:LINE-len('line 000000000 ')-1]
    with open(data,'wb') as f:
        for first in range(0,SIZE//LINE,8192):
            f.write(''.join(f'line {i:09d} {filler}\n' for i in range(first,min(SIZE//LINE,first+8192))).encode())
TS=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','bin','tssupervisord')
def threads(pid):
    out={}
    for t in glob.glob(f'/proc/{pid}/task/*'):
        try:
            comm=open(t+'/comm').read().strip()
            st=open(t+'/stat').read().rsplit(')',1)[1].split()
            ut,stt=int(st[11]),int(st[12])
            ns=int(open(t+'/schedstat').read().split()[0])
            tid=t.rsplit('/',1)[1]
            sw=sum(int(l.split()[1]) for l in open(t+'/status') if 'ctxt_switches' in l)
            out[tid]=('main' if tid==str(pid) else (comm if os.environ.get('COMMS') else 'other'),ut,stt,ns,sw)
        except FileNotFoundError: pass
    return out
def logtotal(d):
    t=0
    for f in glob.glob(d+'/logs/writer.log*'):
        try: t+=os.path.getsize(f)
        except FileNotFoundError: return -1
    return t
def io(pid):
    return {l.split(':')[0]:int(l.split()[1]) for l in open(f'/proc/{pid}/io')}
def run(subject,fmt,env,label):
    d=f'{base}/{subject}-{fmt}'
    # Every run starts from the same disk state: no earlier run's logs left, nothing dirty.
    for old in glob.glob(f'{base}/*-*/'): shutil.rmtree(old,ignore_errors=True)
    os.sync(); os.makedirs(d+'/logs')
    fifo=d+'/go.fifo'; os.mkfifo(fifo)
    conf=f"""[supervisord]
nodaemon=true
silent=true
logfile={d}/daemon.log
pidfile={d}/daemon.pid
childlogdir={d}
[unix_http_server]
file={d}/sock
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://{d}/sock
[program:writer]
command=/bin/sh -c 'read x < {fifo}; exec cat {data}'
startsecs=0
autorestart=false
stdout_logfile={d}/logs/writer.log
stdout_logfile_maxbytes=50MB
stdout_logfile_backups=10
"""+(f"log_format={fmt}\n" if fmt!='raw' else '')
    open(d+'/s.conf','w').write(conf)
    cmd=['/usr/bin/supervisord'] if subject=='sd' else ['node',*os.environ.get('TSNODEARGS','').split(),os.environ[subject.upper()+'_TS'] if subject.startswith('base') else TS]
    cmd=[c for c in cmd if c]
    p=subprocess.Popen(cmd+['-n','-c',d+'/s.conf'],env={**os.environ,**env},stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
    try:
        dl=time.time()+30
        while True:
            kids=open(f'/proc/{p.pid}/task/{p.pid}/children').read().split()
            if kids: break
            assert time.time()<dl,'no child'; time.sleep(0.02)
        time.sleep(0.5)
        perf=None
        if os.environ.get('PERF'):
            perf=subprocess.Popen(['perf','record','-q','-F','2000','-g','-o',f'{base}/perf-{subject}-{fmt}.data','-p',str(p.pid)],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL); time.sleep(0.5)
        b=threads(p.pid); t0=time.time(); iob=io(p.pid)
        with open(fifo,'w') as f: f.write('go\n')
        expected=SIZE if fmt=='raw' else SIZE+SIZE//LINE*30
        dl=time.time()+120
        while True:
            tot=logtotal(d)
            if tot>=expected or time.time()>dl: break
            time.sleep(0.005)
        t1=time.time(); a=threads(p.pid); ioa=io(p.pid)
        if perf: perf.send_signal(2); perf.wait()
        per=collections.Counter(); us=collections.Counter()
        for tid,(comm,ut,st,ns,sw) in a.items():
            o=b.get(tid,(comm,0,0,0,0)); per[comm]+=ns-o[3]; us[comm+':u']+=ut-o[1]; us[comm+':s']+=st-o[2]; us[comm+':cs']+=sw-o[4]
        total=sum(per.values())/1e9
        ok='ok' if tot==expected else f'LOST {expected-tot}'
        results.setdefault(label,[]).append(total/2.56)
        print(f"{label} cpu/100MiB={total/2.56:.3f} MiB/s={256/(t1-t0):.0f} {ok} threads="+' '.join(f'{k}={v/1e9/2.56:.3f}' for k,v in per.most_common())+' io '+' '.join(f'{k}={ioa[k]-iob[k]}' for k in ('syscr','syscw'))+' ticks '+' '.join(f'{k}={v}' for k,v in sorted(us.items()) if v),flush=True)
    finally:
        p.terminate(); p.wait(10)
runs=int(sys.argv[1]); results={}
import statistics
for r in range(runs):
    for s in sys.argv[2:]:
        spec,_,envs=s.partition('@')
        env=dict(e.split('=',1) for e in envs.split(',') if e)
        subj,_,fmt=spec.partition(':'); run(subj,fmt or 'raw',env,s)
print('load',open('/proc/loadavg').read().strip())
for k,v in results.items(): print(f'MEDIAN {k}: {statistics.median(v):.3f}  min {min(v):.3f}  n={len(v)}')
