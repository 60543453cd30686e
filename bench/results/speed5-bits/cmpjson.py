import json,sys
def strip(x):
    if isinstance(x,dict): return {k:strip(v) for k,v in x.items() if k not in ('seconds','elapsed','time','date','created','wallSeconds')}
    if isinstance(x,list): return [strip(v) for v in x]
    return x
def load(p):
    if p.endswith('.jsonl'): return [json.loads(l) for l in open(p)]
    return json.load(open(p))
a=strip(load(sys.argv[1])); b=strip(load(sys.argv[2]))
print('identical after removing timing keys:', a==b)
# numeric differences
diffs=[]
def walk(x,y,path):
    if isinstance(x,dict):
        for k in x: 
            if k in y: walk(x[k],y[k],path+'/'+k)
    elif isinstance(x,list):
        for i,(u,v) in enumerate(zip(x,y)): walk(u,v,path+'/'+str(i) if not isinstance(u,(int,float)) else path)
    elif isinstance(x,(int,float)) and isinstance(y,(int,float)) and not isinstance(x,bool):
        if x!=y: diffs.append((abs(x-y)/max(abs(x),1e-300),abs(x-y),path,x,y))
    elif x!=y: diffs.append((float('inf'),0,path,x,y))
print('differing numbers:',len(diffs))
import collections
by=collections.defaultdict(lambda:(0,0,None))
for r,a_,p,x,y in diffs:
    key=p
    if r>by[key][0]: by[key]=(r,a_,(x,y))
for k,v in sorted(by.items(), key=lambda kv:-kv[1][0])[:int(sys.argv[3]) if len(sys.argv)>3 else 15]: print('%-60s rel %.3g abs %.3g %s'%(k[:60],v[0],v[1],v[2]))
