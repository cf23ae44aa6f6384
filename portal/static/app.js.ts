// The portal's one script, progressive: every page works without it. It makes the quick-exit
// button replace this page in the tab's history (so Back does not return here), and lets a
// double press of Escape do the same.
export const APP_JS = `
(function(){
  var exit=document.getElementById('quick-exit');
  if(!exit)return;
  function leave(e){if(e)e.preventDefault();try{document.body.innerHTML='';document.title='';}catch(_){}window.location.replace(exit.href);}
  exit.addEventListener('click',leave);
  var last=0;
  document.addEventListener('keydown',function(e){if(e.key!=='Escape')return;var now=Date.now();if(now-last<800)leave();last=now;});
})();
`.trim();
