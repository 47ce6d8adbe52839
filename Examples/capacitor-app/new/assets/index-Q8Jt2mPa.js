import{r as ld,C as Xr}from"./vendor-C4nS8wQe.js";(function(){const t=document.createElement("link").relList;if(t&&t.supports&&t.supports("modulepreload"))return;for(const r of document.querySelectorAll('link[rel="modulepreload"]'))n(r);function n(r){if(r.ep)return;r.ep=!0;fetch(r.href,{credentials:"same-origin"})}})();
const Ad=ld("App",{web:()=>import("./web-7BG4A6LK.js").then(e=>new e.AppWeb)}),Pf=ld("Preferences",{web:()=>import("./web-Xk2pQ9Lm.js").then(e=>new e.PreferencesWeb)}),Cu=ld("CapacitorUpdater",{web:()=>import("./web-Hh3nV7Ra.js").then(e=>new e.CapacitorUpdaterWeb)}),Lo=ld("Camera",{web:()=>import("./web-Rz81cQe0.js").then(e=>new e.CameraWeb)});
const Fs={apiBase:"https://api.example.org/fieldnotes/v2",env:{BASE_URL:"/",MODE:"production",DEV:!1,PROD:!0,SSR:!1}};
const Ld={sdk:"https://clientsdk.launchdarkly.com",events:"https://events.launchdarkly.com"},Zc=Yk.initialize("64f0c2d1e5a7b3001f9e8d21",{kind:"user",key:"anon"},{baseUrl:Ld.sdk});
async function ga(e){const t=await Pf.get({key:"notes"});return t.value?JSON.parse(t.value):[]}async function gb(e){await Pf.set({key:"notes",value:JSON.stringify(e)})}
async function Ph(){const e=await Lo.getPhoto({quality:90,allowEditing:!1,resultType:"uri"});return e.webPath}
function Nl({notes:e,onOpen:t}){return u.jsx("ul",{className:"fn-list",children:e.length===0?u.jsx("li",{className:"fn-empty"}):e.map(n=>u.jsx("li",{onClick:()=>t(n.id),children:u.jsx("span",{className:"fn-note__title",children:n.title})},n.id))})}
const Rt=[{path:"/",element:u.jsx(Hm,{})},{path:"/notes/:id",element:u.jsx(Nd,{})},{path:"/settings",element:u.jsx(St,{})},{path:"/wallet",lazy:()=>import("./Wallet-9f8e7d6c.js")}],Br=(0,a.createBrowserRouter)(Rt);
const Wc=()=>Zc.variation("new-checkout",!1);
Ad.addListener("backButton",({canGoBack:e})=>{e?window.history.back():Ad.exitApp()});
Cu.notifyAppReady().catch(e=>console.error("notifyAppReady failed",e));
document.getElementById("root")&&u.render(u.jsx(a.RouterProvider,{router:Br}),document.getElementById("root"));
