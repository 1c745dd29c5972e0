/**
 * The console's whole stylesheet and script, served from `/console/assets/*` with long caching.
 * No framework: pages are server-rendered and work without JavaScript; the script only adds
 * lazy counts, a refresh while the workflow works, and double-submit protection.
 */
export const CONSOLE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f7f9}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px;z-index:9}
header{display:flex;flex-wrap:wrap;gap:16px;align-items:center;padding:10px 20px;background:#12263f;color:#fff}
header a,header .who{color:#fff}
header nav{display:flex;gap:14px;flex:1}
header nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
header form{margin:0}
.linkbtn{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font:inherit;padding:0}
main{max-width:1280px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:1.5rem;margin:.4em 0}
h2{font-size:1.15rem;margin:1.2em 0 .4em}
.card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:12px 16px;margin:12px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:6px 0}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#eef1f5;font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end}
.filters label,.stack label{display:flex;flex-direction:column;font-size:.9rem;gap:2px}
input,select,textarea{font:inherit;padding:5px 7px;border:1px solid #7b8494;border-radius:4px;background:#fff;color:#1b1f24}
textarea{width:100%}
button,.button{font:inherit;padding:6px 12px;border-radius:4px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#a4161a;border-color:#a4161a}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85rem;white-space:nowrap}
.late{background:#a4161a;color:#fff}
.soon{background:#ffe08a;color:#3d2e00}
.ok{background:#dff3e4;color:#0f5323}
.muted{color:#4b5563}
.alert{border-left:5px solid #a4161a;background:#fff0f0;padding:10px 14px;margin:12px 0}
.notice{border-left:5px solid #0f5323;background:#effaf1;padding:10px 14px;margin:12px 0}
.warn{border-left:5px solid #b45309;background:#fff7e6;padding:10px 14px;margin:12px 0}
pre{white-space:pre-wrap;word-break:break-word;background:#f3f4f6;padding:8px;border-radius:4px;max-height:24em;overflow:auto}
.stack{display:flex;flex-direction:column;gap:8px}
.stack fieldset{border:1px solid #d5d9e0;border-radius:6px}
.stack label.check{flex-direction:row;align-items:center;gap:6px}
.mono{font-family:ui-monospace,monospace}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.counts{display:flex;gap:10px;flex-wrap:wrap;margin:6px 0}
.counts span{background:#fff;border:1px solid #d5d9e0;border-radius:4px;padding:2px 8px}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{border-left:3px solid #9aa4b2;padding:2px 0 8px 12px}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}
dl.kv dt{font-weight:600}
dl.kv dd{margin:0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
svg text{font:12px system-ui,sans-serif;fill:#1b1f24}
.big{font-size:2rem;font-weight:700}
.actor-staff{background:#dbe7fb;color:#0b3d91}
.actor-approver{background:#efe1fa;color:#4a1670}
.actor-subject{background:#e7ece9;color:#1f3d2b}
.actor-system,.actor-nobody{background:#eceff3;color:#374151}
.current-step{font-size:1.05rem;margin:6px 0 10px}
.views a[aria-current=page]{font-weight:700}
.scroll{overflow-x:auto}
.field-error{color:#a4161a;font-weight:600;font-size:.9rem}
[aria-invalid=true]{border:2px solid #a4161a}
#error-summary ul{margin:6px 0 0;padding-left:20px}
table.edit input{width:100%;min-width:7em}
table.edit th{white-space:nowrap}
button.small{padding:0 6px;margin-left:2px}
table.inbox td .chip{margin-left:4px}
@media (max-width:700px){
 main{padding:10px 8px 30px}
 header{padding:8px 10px;gap:8px}
 header nav{flex-wrap:wrap;gap:8px}
 .inbox .opt,form.opt{display:none}
 .filters label{flex:1 1 40%}
 .filters input[type=search]{width:100%}
 .grid{grid-template-columns:1fr}
 dl.kv{grid-template-columns:1fr}
 pre{max-width:100%}
 table.rows,table.rows tbody,table.rows tr,table.rows td,table.rows th{display:block;width:auto}
 table.rows thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.rows tr{border-bottom:1px solid #d0d7de;padding:6px 0}
 table.rows td,table.rows th{border:0;padding:2px 4px}
}
`;

export const CONSOLE_JS = `
(function(){
  document.querySelectorAll('[data-fragment]').forEach(function(el){
    fetch(el.getAttribute('data-fragment'),{credentials:'same-origin'}).then(function(r){return r.ok?r.text():''}).then(function(h){if(h)el.innerHTML=h});
  });
  var p=document.querySelector('[data-refresh]');
  if(p){var k='rd-refresh:'+location.pathname,n=+(sessionStorage.getItem(k)||0);
    if(n<40){sessionStorage.setItem(k,n+1);setTimeout(function(){location.reload()},750)}}
  else{Object.keys(sessionStorage).forEach(function(k){if(k.indexOf('rd-refresh:')===0)sessionStorage.removeItem(k)})}
  document.addEventListener('click',function(e){
    var b=e.target.closest&&e.target.closest('button[name=_table]');if(!b)return;
    var v=b.value.split(':'),f=b.form,t=f&&f.querySelector('[data-cat="'+v[1]+'"] table');if(!t)return;
    var w=JSON.parse(f.querySelector('[data-words]').getAttribute('data-words')),n=v[1];
    function inp(name,label){var i=document.createElement('input');i.name=name;i.setAttribute('aria-label',label);return i}
    function del(val,label){var x=document.createElement('button');x.type='submit';x.name='_table';x.value=val;x.className='secondary small';x.textContent='\u00d7';x.setAttribute('aria-label',label);return x}
    var head=t.tHead.rows[0],body=t.tBodies[0];
    function next(sel,re){var m=-1;t.querySelectorAll(sel).forEach(function(i){var k=+re.exec(i.name)[1];if(k>m)m=k});return m+1}
    if(v[0]==='row'){e.preventDefault();var r=next('tbody input',/cell[.]([0-9]+)[.]/),tr=body.insertRow(),th=document.createElement('th');th.scope='row';th.textContent=(body.rows.length)+' ';th.appendChild(del('delrow:'+n+':'+r,w.removeRow+' '+body.rows.length));tr.appendChild(th);
      head.querySelectorAll('input').forEach(function(h){var j=/col[.]([0-9]+)$/.exec(h.name)[1];tr.insertCell().appendChild(inp('data.'+n+'.cell.'+r+'.'+j,w.row+' '+body.rows.length+', '+(h.value||w.column+' '+(+j+1))))});tr.querySelector('td input').focus()}
    else if(v[0]==='col'){e.preventDefault();var j=next('thead input',/col[.]([0-9]+)$/),c=document.createElement('th');c.scope='col';c.appendChild(inp('data.'+n+'.col.'+j,w.columnName+' '+(j+1)));c.appendChild(del('delcol:'+n+':'+j,w.removeColumn+' '+(j+1)));head.appendChild(c);
      Array.prototype.forEach.call(body.rows,function(tr,i){var ri=tr.querySelector('td input');var rr=ri?/cell[.]([0-9]+)[.]/.exec(ri.name)[1]:i;tr.insertCell().appendChild(inp('data.'+n+'.cell.'+rr+'.'+j,w.row+' '+(i+1)+', '+w.column+' '+(j+1)))});c.querySelector('input').focus()}
    else if(v[0]==='delrow'){e.preventDefault();var row=b.closest('tr');row.querySelectorAll('input').forEach(function(i){i.value=''});row.hidden=true}
    else if(v[0]==='delcol'){e.preventDefault();t.querySelectorAll('input').forEach(function(i){if(new RegExp('[.]'+v[2]+'$').test(i.name)&&(/col[.]/.test(i.name)||/cell[.]/.test(i.name))){i.value='';var cell=i.closest('th,td');cell.hidden=true}})}
  });
  document.addEventListener('submit',function(e){
    var b=e.target.querySelector('button[type=submit],button:not([type])');
    if(b){setTimeout(function(){b.disabled=true},0)}
  });
})();
`;
