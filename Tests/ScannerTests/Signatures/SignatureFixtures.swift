/// The fixtures, by name: path → source.
enum SignatureFixtures {
    /// Vite: alias of registerPlugin, binding, method call
    static let capacitorVite: [String: String] = [
        "assets/index-Dvm9KEU2.js": ##"""
import{r as Br}from"./index-Dvm9KEU2.js";const Xr={registerPlugin:Br};var Qa=1,ld=Xr.registerPlugin;
const Lo=ld("Camera",{web:()=>Ao(()=>import("./web-BqK3Z1a2.js"),[]).then(e=>new e.CameraWeb)});
async function Jo(){const e=await Lo.getPhoto({quality:90,resultType:"uri"});return e}
"""##,
    ]
    static let capacitorViteKinds: Set<String>? = ["bridge-call", "plugin-registration"]
    /// webpack 4: Object(i["b"]) callee recognised by its {web:} argument
    static let capacitorWebpack4: [String: String] = [
        "js/app.5c3a8eec.js": ##"""
var a=Object(i["b"])("App",{web:function(){return n.e("chunk-2d208e4e").then(n.bind(null,"1b7c")).then(function(e){return new e.AppWeb})}});a.addListener("backButton",function(){a.exitApp()});
"""##,
    ]
    static let capacitorWebpack4Kinds: Set<String>? = ["bridge-call", "plugin-registration"]
    /// webpack 5: (0,A.registerPlugin)
    static let capacitorWebpack5: [String: String] = [
        "main.3f2a1b4c5d6e7f80.js": ##"""
const r=(0,A.registerPlugin)("Geolocation",{web:()=>e.A(76340).then(e=>new e.GeolocationWeb)});
r.getCurrentPosition({enableHighAccuracy:!0}).then(o=>o);
"""##,
    ]
    static let capacitorWebpack5Kinds: Set<String>? = ["bridge-call", "plugin-registration"]
    /// webpack 5 with mangled exports: (0,j.fo)("Device",{web:…}) records fo as a plugin registrar, so that
    /// (0,j.fo)("StatusBar") and (0,I(7423).fo)("PushNotifications",{}) register plugins, in that file or another;
    /// a logger made the same way through another export is no plugin, nor are the calls on it
    static let capacitorWebpack5Exports: [String: String] = [
        "main.6620aa41a9e9c9dd.js": ##"""
7044:(e,t,n)=>{"use strict";var j=n(7423);const ge=(0,j.fo)("StatusBar"),de=(0,j.fo)("Device",{web:()=>n.e(5356).then(n.bind(n,5356)).then(Q=>new Q.DeviceWeb)});const O=(0,n(7423).fo)("PushNotifications",{});ge.setStyle({style:"DARK"});(0,i.t)("Hello");(0,r.fo)("Hello","x")},
"""##,
        "4334.b099a7046545b4b2.js": ##"""
var s=function(){return Keyboard}();
const K = (0,_capacitor_core__WEBPACK_IMPORTED_MODULE_0__.fo)('Keyboard');
K.setResizeMode({ mode: 'none' });
var G=(0,e(i(),1).getLogger)(`BidiComponent`);G.error("x");
"""##,
    ]
    static let capacitorWebpack5ExportsKinds: Set<String>? = ["bridge-call", "plugin-registration", "plugin-registrar"]
    /// esbuild, unminified; single-argument registerPlugin
    static let capacitorEsbuild: [String: String] = [
        "app.js": ##"""
// node_modules/@capacitor/app/dist/esm/index.js
var App = registerPlugin("App", {
  web: () => import("./web-7BG4A6LK.js").then((m) => new m.AppWeb())
});
// src/main.ts
App.addListener("appUrlOpen", (event) => {
  console.log(event.url);
});
const Keyboard = registerPlugin('Keyboard');
Keyboard.setResizeMode({ mode: 'none' });
"""##,
    ]
    static let capacitorEsbuildKinds: Set<String>? = ["bridge-call", "plugin-registration"]
    /// Capacitor.Plugins, isPluginAvailable guard, nativePromise/nativeCallback
    static let capacitorDirect: [String: String] = [
        "app.js": ##"""
t.Capacitor&&t.Capacitor.isPluginAvailable("Haptics")&&t.Capacitor.Plugins.Haptics.impact({style:"HEAVY"});
Capacitor.Plugins.Toast.show({text:"hi"});window.Capacitor.Plugins["Share"];
window.Capacitor.nativePromise("Device","getInfo",{});Capacitor.nativeCallback("Motion","addListener",{},cb);
"""##,
    ]
    static let capacitorDirectKinds: Set<String>? = nil
    /// raw transports
    static let transports: [String: String] = [
        "app.js": ##"""
window.androidBridge.postMessage(JSON.stringify(msg));
window.webkit.messageHandlers.bridge.postMessage(msg);
webkit.messageHandlers.cordova.postMessage([id,s,a,args]);
window.webkit.messageHandlers["myApp"].postMessage({x:1});
_cordovaNative.exec(secret,s,a,id,json);
prompt(argsJson,"gap:"+JSON.stringify([s,a,id]));
"""##,
    ]
    static let transportsKinds: Set<String>? = nil
    /// cordova.define plugin module with exec
    static let cordovaPluginFile: [String: String] = [
        "plugins/cordova-plugin-camera/www/Camera.js": ##"""
cordova.define("cordova-plugin-camera.camera", function(require, exports, module) {
var argscheck = require('cordova/argscheck');
var exec = require('cordova/exec');
var cameraExport = {};
cameraExport.getPicture = function (successCallback, errorCallback, options) {
    exec(successCallback, errorCallback, 'Camera', 'takePicture', args);
};
module.exports = cameraExport;
});
"""##,
    ]
    static let cordovaPluginFileKinds: Set<String>? = nil
    /// app code reaching Cordova plugins through their clobbers (optional chaining too); a computed exec action keeps the
    /// service; the plugin's own installer assigning its clobber is no use
    static let cordovaClobbers: [String: String] = [
        "_next/static/chunks/04d2u34smye-k.js": ##"""
async function n(){if(!(0,s.isCordovaAndroid)())return!0;let e=window.cordova?.plugins?.permissions??null;return!!e&&e.checkPermission(e.CAMERA,t,r)}cordova.plugins.barcodeScanner.scan(a,b);window.plugins.spinnerDialog.show(null,"Loading");if(!window.plugins)window.plugins={};
"""##,
        "plugins/cordova-plugin-insomnia/www/Insomnia.js": ##"""
cordova.define("cordova-plugin-insomnia.Insomnia", function(require, exports, module) {
function Insomnia() {}
Insomnia.prototype.keepAwake = function (successCallback, errorCallback) {
  cordova.exec(successCallback, errorCallback, "Insomnia", "keepAwake", []);
};
Insomnia.prototype.run = function (command, successCallback, errorCallback) {
  cordova.exec(successCallback, errorCallback, "Insomnia", command, []);
};
Insomnia.install = function () {
  window.plugins.insomnia = new Insomnia();
};
});
"""##,
    ]
    static let cordovaClobbersKinds: Set<String>? = ["bridge-call"]
    /// minified exec alias, cordova.exec; platform sniffing is not a call
    static let cordovaMinified: [String: String] = [
        "main.js": ##"""
var n=require("cordova/exec");n(function(e){},function(e){},"Device","getDeviceInfo",[]);cordova.exec(o,i,"StatusBar","hide",[]);
var isCordova=!!(ke.cordova||ke.phonegap||ke.PhoneGap);
"""##,
    ]
    static let cordovaMinifiedKinds: Set<String>? = nil
    /// cordova_plugins.js: ids, clobbers, versions; old entries without pluginId
    static let cordovaPlugins: [String: String] = [
        "cordova_plugins.js": ##"""
cordova.define('cordova/plugin_list', function(require, exports, module) {
  module.exports = [
    { "id": "cordova-plugin-camera.Camera", "file": "plugins/cordova-plugin-camera/www/CameraConstants.js",
      "pluginId": "cordova-plugin-camera", "clobbers": [ "Camera" ] },
    { "id": "cordova-hot-code-push-plugin.chcp", "file": "plugins/cordova-hot-code-push-plugin/www/chcp.js",
      "pluginId": "cordova-hot-code-push-plugin", "clobbers": [ "chcp" ], "runs": true },
    { "id": "cordova-plugin-device.device", "file": "plugins/cordova-plugin-device/www/device.js", "clobbers": [ "device" ] }
  ];
  module.exports.metadata = { "cordova-plugin-camera": "6.0.0", "cordova-hot-code-push-plugin": "1.5.3" };
});
"""##,
    ]
    static let cordovaPluginsKinds: Set<String>? = nil
    /// Ionic Native / awesome-cordova-plugins wrappers
    static let ionicNative: [String: String] = [
        "main.js": ##"""
t.prototype.getPicture=function(e){return cA(this,"getPicture",{callbackOrder:"reverse"},arguments)},t.pluginName="Camera",t.plugin="cordova-plugin-camera",t.pluginRef="navigator.camera",t.repo="https://github.com/apache/cordova-plugin-camera";
"""##,
        "vendor.js": ##"""
Camera.pluginName = "Camera";
Camera.plugin = "cordova-plugin-camera";
Camera.pluginRef = "navigator.camera";
BarcodeScanner = __decorate([Plugin({ pluginName: "BarcodeScanner", plugin: "phonegap-plugin-barcodescanner", pluginRef: "cordova.plugins.barcodeScanner" })], BarcodeScanner);
"""##,
    ]
    static let ionicNativeKinds: Set<String>? = nil
    /// Ionic Native 5 / awesome-cordova-plugins wrapper methods, ES5 (webpack 5, minified): the plugin comes from the
    /// pluginName of the method's own class; an instance class without one, in the next module, gets none
    static let ionicNativeMethodsES5: [String: String] = [
        "main.3b9d2c1a8e7f6a50.js": ##"""
(self.webpackChunkapp=self.webpackChunkapp||[]).push([[179],{4321:(e,t,n)=>{"use strict";n.d(t,{t:()=>s});var r=n(655),o=n(5419),i=n(7631),s=function(e){function t(){return null!==e&&e.apply(this,arguments)||this}return(0,r.ZT)(t,e),t.prototype.scan=function(e){return(0,o.DZ)(this,"scan",{callbackOrder:"reverse"},arguments)},t.prototype.encode=function(e,n){return(0,o.DZ)(this,"encode",{},arguments)},Object.defineProperty(t.prototype,"Encode",{get:function(){return(0,o.J2)(this,"Encode")},enumerable:!1,configurable:!0}),t.pluginName="BarcodeScanner",t.plugin="phonegap-plugin-barcodescanner",t.pluginRef="cordova.plugins.barcodeScanner",t.\u0275fac=function(){var e;return function(n){return(e||(e=i.n5z(t)))(n||t)}}(),t}(o.KY)},
5678:(e,t,n)=>{"use strict";var o=n(5419),a=function(){function e(e){this._objectInstance=e}return e.prototype.executeSql=function(e,t){return(0,o.e4)(this,"executeSql",{},arguments)},e}()},
6789:(e,t,n)=>{"use strict";var o=n(5419),c=function(e){function t(){return null!==e&&e.apply(this,arguments)||this}return(0,o.ZT)(t,e),t.prototype.create=function(){return new u},t.pluginName="FileTransfer",t.plugin="cordova-plugin-file-transfer",t.pluginRef="FileTransfer",t}(o.KY),u=function(){function e(){}return e.prototype.download=function(e,t){return(0,o.e4)(this,"download",{successIndex:2,errorIndex:3},arguments)},e.plugin="cordova-plugin-file-transfer",e.pluginName="FileTransfer",e}()}}]);
"""##,
    ]
    static let ionicNativeMethodsES5Kinds: Set<String>? = ["bridge-call", "plugin-wrapper"]
    /// the same, unminified: the ES5 index.js an Ionic Native 5 package ships
    static let ionicNativeMethodsES5Source: [String: String] = [
        "vendor.js": ##"""
var Camera = /** @class */ (function (_super) {
    __extends(Camera, _super);
    function Camera() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    Camera.prototype.getPicture = function (options) { return cordova(this, "getPicture", { "callbackOrder": "reverse" }, arguments); };
    Camera.prototype.cleanup = function () { return cordova(this, "cleanup", { "platforms": ["iOS"] }, arguments); };
    Camera.pluginName = "Camera";
    Camera.plugin = "cordova-plugin-camera";
    Camera.pluginRef = "navigator.camera";
    Camera.platforms = ["Android", "Browser", "iOS"];
    return Camera;
}(IonicNativePlugin));
"""##,
    ]
    static let ionicNativeMethodsES5SourceKinds: Set<String>? = ["bridge-call", "plugin-wrapper"]
    /// ES2015 classes (minified: Angular's IIFE around a class with statics; esbuild at the top level) and
    /// ES2022 static blocks and fields; a CKEditor-style static pluginName is no wrapper
    static let ionicNativeMethodsES2015: [String: String] = [
        "main.8c1d2e3f4a5b6c7d.js": ##"""
let c=(()=>{class n extends l.KY{getCurrentPosition(e){return(0,l.DZ)(this,"getCurrentPosition",{callbackOrder:"reverse"},arguments)}watchPosition(e){return(0,l.DZ)(this,"watchPosition",{observable:!0,clearFunction:"clearWatch"},arguments)}}return n.pluginName="Geolocation",n.plugin="cordova-plugin-geolocation",n.pluginRef="navigator.geolocation",n.\u0275fac=(()=>{let e;return function(t){return(e||(e=r.n5z(n)))(t||n)}})(),n})();
class d extends Z{getToken(){return u(this,"getToken",{},arguments)}static{this.pluginName="FCM"}static{this.plugin="cordova-plugin-fcm-with-dependecy-updated"}static{this.pluginRef="FCMPlugin"}}
class m extends Z{show(e,t,i){return u(this,"show",{},arguments)}static pluginName="Toast";static plugin="cordova-plugin-x-toast";static pluginRef="plugins.toast"}
class p extends w.Plugin{static{this.pluginName="Whitespace"}init(){return u(this,"init",{},arguments)}}
"""##,
    ]
    static let ionicNativeMethodsES2015Kinds: Set<String>? = ["bridge-call", "plugin-wrapper"]
    /// the same, unminified: an awesome-cordova-plugins fesm2015 file
    static let ionicNativeMethodsES2015Source: [String: String] = [
        "vendor.js": ##"""
class Geolocation extends AwesomeCordovaNativePlugin {
    getCurrentPosition(options) { return cordova(this, "getCurrentPosition", { "callbackOrder": "reverse" }, arguments); }
    watchPosition(options) { return cordova(this, "watchPosition", { "observable": true, "clearFunction": "clearWatch" }, arguments); }
}
Geolocation.pluginName = "Geolocation";
Geolocation.plugin = "cordova-plugin-geolocation";
Geolocation.pluginRef = "navigator.geolocation";
"""##,
    ]
    static let ionicNativeMethodsES2015SourceKinds: Set<String>? = ["bridge-call", "plugin-wrapper"]
    /// Ionic Native 3–4: decorators kept through __decorate (methods end with null, properties with void 0)
    static let ionicNativeDecorators: [String: String] = [
        "vendor.js": ##"""
var Camera = (function (_super) {
    __extends(Camera, _super);
    function Camera() { return _super !== null && _super.apply(this, arguments) || this; }
    Camera.prototype.getPicture = function (options) { return; };
    Camera.prototype.cleanup = function () { return; };
    Camera.decorators = [
        { type: Injectable },
    ];
    __decorate([
        Cordova({ callbackOrder: 'reverse' }),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", [Object]),
        __metadata("design:returntype", Promise)
    ], Camera.prototype, "getPicture", null);
    __decorate([
        CordovaProperty,
        __metadata("design:type", Object)
    ], Camera.prototype, "DestinationType", void 0);
    Camera = __decorate([
        Plugin({
            pluginName: 'Camera',
            plugin: 'cordova-plugin-camera',
            pluginRef: 'navigator.camera',
            platforms: ['Android', 'Browser', 'iOS']
        })
    ], Camera);
    return Camera;
}(IonicNativePlugin));
"""##,
        "main.js": ##"""
var p=function(e){function t(){return null!==e&&e.apply(this,arguments)||this}return Object(r.c)(t,e),t.prototype.show=function(e){},Object(r.b)([Object(o.a)({successIndex:1,errorIndex:2}),Object(r.d)("design:type",Function)],t.prototype,"show",null),Object(r.b)([Object(o.a)(),Object(r.d)("design:type",Function)],t.prototype,"hide",null),t=Object(r.b)([Object(o.g)({pluginName:"SpinnerDialog",plugin:"cordova-plugin-native-spinner",pluginRef:"window.plugins.spinnerDialog",platforms:["Android","iOS"]})],t)}(o.h);
"""##,
    ]
    static let ionicNativeDecoratorsKinds: Set<String>? = ["bridge-call", "plugin-wrapper"]
    /// Metro: NativeModules, TurboModuleRegistry, codegen, UIManager, events, requireNativeComponent; RN feature flags are not app flags
    static let reactNativeMetro: [String: String] = [
        "index.android.bundle": ##"""
__DEV__=false;__d((function(g,r,i,a,m,e,d){var n=r(d[0]);n.NativeModules.MMKV.initialize('x');var t=(r(d[1])).getEnforcing('DeviceInfo');var o=r(d[2]);o.get('RNSSearchBar',(function(){return c}));n.UIManager.getViewManagerConfig('RNSScreen');n.DeviceEventEmitter.addListener('onGestureHandlerEvent',h);var s=(0,n.requireNativeComponent)("RNCWebView");n.NativeReactNativeFeatureFlagsCxx.commonTestFlag();r(d[3]).ReactNativeFeatureFlags.enableFabric()}),2,[3,4,5,7]);
__r(0);
"""##,
    ]
    static let reactNativeMetroKinds: Set<String>? = nil
    /// Expo modules
    static let expo: [String: String] = [
        "index.ios.bundle": ##"""
__d((function(g,r,i,a,m,e,d){(0,r(d[2]).requireNativeModule)('ExpoAsset');var u=(0,t.requireOptionalNativeModule)('ExpoUpdates');g.expo.modules.NativeModulesProxy.ExponentConstants.getWebViewUserAgentAsync()}),5,[]);
"""##,
    ]
    static let expoKinds: Set<String>? = nil
    /// Capgo CapacitorUpdater calls
    static let capgo: [String: String] = [
        "assets/index-C9x8Yz7w.js": ##"""
import{r as Br}from"./index-Dvm9KEU2.js";const Xr={registerPlugin:Br};var Qa=1,ld=Xr.registerPlugin;
const Ca=ld("CapacitorUpdater",{web:()=>Ao(()=>import("./web-CxYz12ab.js"),[]).then(e=>new e.CapacitorUpdaterWeb)});
Ca.notifyAppReady();Ca.download({url:"https://updates.example.com/v2.zip",version:"2.0.0"}).then(e=>Ca.set(e));
"""##,
    ]
    static let capgoKinds: Set<String>? = ["bridge-call", "updater-call"]
    /// Appflow LiveUpdates.sync and WebView.setServerBasePath
    static let appflowWebView: [String: String] = [
        "main.js": ##"""
const LiveUpdates = registerPlugin("LiveUpdates");
async function go() { await LiveUpdates.sync(); }
Capacitor.Plugins.WebView.setServerBasePath({path:p});
"""##,
    ]
    static let appflowWebViewKinds: Set<String>? = ["updater-call"]
    /// CodePush, cordova-hot-code-push, Expo Updates
    static let codePushChcpExpo: [String: String] = [
        "main.js": ##"""
codePush.sync({updateDialog:true,installMode:codePush.InstallMode.IMMEDIATE});codePush.notifyAppReady();var c=n.NativeModules.CodePush;
chcp.fetchUpdate(function(e,t){e||chcp.installUpdate()});
async function u(){await Updates.fetchUpdateAsync();await Updates.reloadAsync()}
"""##,
    ]
    static let codePushChcpExpoKinds: Set<String>? = ["update-prompt", "updater-call"]
    /// React Router v5/v6/v7
    static let reactRouter: [String: String] = [
        "assets/index-Dvm9KEU2.js": ##"""
u.jsx(yc,{path:"/auth",element:u.jsx(I4,{})}),u.jsx(yc,{path:"/workspace/:id/*",element:u.jsx(Q2,{})});
(0,a.createBrowserRouter)([{path:"/",element:(0,o.jsx)(Ne,{}),children:[{index:!0,element:x},{path:"settings",lazy:()=>import("./settings-Ab12Cd34.js")}]}]);
Object(h.jsx)(o.b,{exact:!0,path:"/home",component:p});
"""##,
    ]
    static let reactRouterKinds: Set<String>? = ["route"]
    /// React Router v7 SPA build: the browser manifest (JSON.stringify) with nested, index, pathless-layout and splat
    /// routes; full URLs come from the parentId chain
    static let reactRouterManifest: [String: String] = [
        "assets/manifest-3f2a91bc.js": ##"""
window.__reactRouterManifest={"entry":{"module":"/assets/entry.client-Bx81mQ2z.js","imports":["/assets/chunk-KNED5TY2-Cq0dPx1a.js"],"css":[]},"routes":{"root":{"id":"root","path":"","hasAction":false,"hasLoader":false,"hasClientLoader":false,"hasErrorBoundary":true,"module":"/assets/root-C4z9Ab1x.js","imports":[],"css":["/assets/root-Dk2lQ9a0.css"]},"routes/home":{"id":"routes/home","parentId":"root","index":true,"hasAction":false,"module":"/assets/home-a1B2c3D4.js"},"routes/wallet":{"id":"routes/wallet","parentId":"root","path":"wallet","module":"/assets/wallet-Zq81lPo2.js"},"routes/wallet.$id":{"id":"routes/wallet.$id","parentId":"routes/wallet","path":":id/*","module":"/assets/wallet._id-Hh3k2L1a.js"},"routes/_auth":{"id":"routes/_auth","parentId":"root","module":"/assets/_auth-Pp0oIi9u.js"},"routes/_auth.login":{"id":"routes/_auth.login","parentId":"routes/_auth","path":"login","caseSensitive":!0,"module":"/assets/login-Mm1nB2v3.js"},"routes/$":{"id":"routes/$","parentId":"root","path":"*","module":"/assets/_-Qw2e3R4t.js"}},"url":"/assets/manifest-3f2a91bc.js","version":"3f2a91bc"};
"""##,
    ]
    static let reactRouterManifestKinds: Set<String>? = ["route"]
    /// the same kind of file formatted by a code formatter (unquoted keys, single quotes), and an absolute child path
    static let reactRouterManifestFormatted: [String: String] = [
        "build/client/assets/manifest-98c3a4b1.js": ##"""
window.__reactRouterManifest = {
  entry: {
    module: '/assets/entry.client-CZ1xUVNh.js',
    imports: ['/assets/chunk-D4RADZKF-Br10xN1u.js'],
    css: [],
  },
  routes: {
    root: {
      id: 'root',
      path: '',
      hasAction: false,
      hasErrorBoundary: true,
      module: '/assets/root-IBx8v8Mq.js',
      imports: ['/assets/chunk-D4RADZKF-Br10xN1u.js'],
      css: ['/assets/root-bfibn2kk.css'],
    },
    'routes/home': {
      id: 'routes/home',
      parentId: 'root',
      index: true,
      module: '/assets/home-C9x9CLT4.js',
    },
    'routes/docs': {
      id: 'routes/docs',
      parentId: 'root',
      path: '/docs/:slug',
      module: '/assets/docs-Aa1Bb2Cc.js',
    },
  },
  url: '/assets/manifest-98c3a4b1.js',
  version: '98c3a4b1',
};
"""##,
    ]
    static let reactRouterManifestFormattedKinds: Set<String>? = ["route"]
    /// Remix: window.__remixManifest in public/build/manifest-<HASH>.js
    static let remixManifest: [String: String] = [
        "build/manifest-1A2B3C4D.js": ##"""
window.__remixManifest={"entry":{"module":"/build/entry.client-ABCD1234.js","imports":[]},"routes":{"root":{"id":"root","path":"","module":"/build/root-EFGH5678.js","hasLoader":true},"routes/index":{"id":"routes/index","parentId":"root","index":true,"module":"/build/routes/index-IJKL9012.js"},"routes/notes":{"id":"routes/notes","parentId":"root","path":"notes","module":"/build/routes/notes-MNOP3456.js"},"routes/notes/$noteId":{"id":"routes/notes/$noteId","parentId":"routes/notes","path":":noteId","module":"/build/routes/notes/$noteId-QRST7890.js"}},"version":"1a2b3c4d","url":"/build/manifest-1A2B3C4D.js"};
"""##,
    ]
    static let remixManifestKinds: Set<String>? = ["route"]
    /// a React Router manifest inlined in a page (server rendering with lazy route discovery)
    static let reactRouterManifestInline: [String: String] = [
        "index.html": ##"""
<!DOCTYPE html><html><head><link rel="modulepreload" href="/assets/manifest-5e6f7a8b.js"/></head><body>
<script type="module">import "/assets/manifest-5e6f7a8b.js";
window.__reactRouterManifest = {
  "routes": {
    "root": { "id": "root", "path": "", "module": "/assets/root-A1b2C3d4.js" },
    "routes/about": { "id": "routes/about", "parentId": "root", "path": "about", "module": "/assets/about-E5f6G7h8.js" }
  }
};
import("/assets/entry.client-I9j0K1l2.js");</script></body></html>
"""##,
    ]
    static let reactRouterManifestInlineKinds: Set<String>? = ["route"]
    /// Vue Router / Ionic Vue
    static let vueRouter: [String: String] = [
        "js/app.5c3a8eec.js": ##"""
const r=[{path:"/",redirect:"/home"},{path:"/home",name:"Home",component:je}];
const s=Ye({history:Ke(),routes:[{path:"/tabs/",component:()=>a(()=>import("./Home.19057efc.js"),[])}]});
"""##,
    ]
    static let vueRouterKinds: Set<String>? = ["route"]
    /// Angular eager and lazy routes
    static let angularRouter: [String: String] = [
        "main.3f2a1b4c5d6e7f80.js": ##"""
const bO=[{path:"feed",component:ES},{path:"publicacion/:id",component:mx},{path:"faq",loadChildren:()=>n.e(592).then(n.bind(n,592)).then(e=>e.FaqModule)},{path:"about",loadComponent:()=>import("./chunk-ABCD1234.js").then(m=>m.About)},{path:"",redirectTo:"feed",pathMatch:"full"}];jh.forRoot(bO);
"""##,
    ]
    static let angularRouterKinds: Set<String>? = ["route"]
    /// Angular navigate([commands]) and navigateByUrl, Ionic NavController navigateRoot/Forward/Back, whatever the
    /// injected service is called; relative commands kept as written, ".." and non-literals are not routes
    static let angularNavigation: [String: String] = [
        "4023.8f3b76c5136f91ac.js": ##"""
"use strict";(self.webpackChunkapp=self.webpackChunkapp||[]).push([[4023],{4023:(e,t,n)=>{class o{constructor(u,c){this.route=u,this.navCtrl=c}goToSettings(){this.route.navigate(["/settings"])}goToLot(u){this.lots.selected=u,this.route.navigate(["lot-list"],{relativeTo:this.ar})}back(){this.route.navigate([".."]),this.route.navigate([u])}newPhoto(){this.navCtrl.navigateForward("tabs/photo/new-photo")}}}}]);
"""##,
        "src/app.js": ##"""
class SettingsPage {
  logout() {
    this.nav.navigateRoot(['/login'], { animated: true });
    this.router.navigateByUrl('/tabs/home');
  }
}
"""##,
    ]
    static let angularNavigationKinds: Set<String>? = ["route"]
    /// SvelteKit dictionary (only in _app/immutable)
    static let sveltekit: [String: String] = [
        "_app/immutable/entry/app.BXc2dEf3.js": ##"""
const dictionary={"/":[2],"/browse":[3],"/blog/[slug]":[-5,[2]]};export{dictionary};
"""##,
        "_app/immutable/chunks/other.Dk3x9aB1.js": ##"""
const x={"/":[2]};
"""##,
    ]
    static let sveltekitKinds: Set<String>? = ["route"]
    /// Next.js pages, build manifest, app-router chunk paths
    static let nextjs: [String: String] = [
        "_next/static/chunks/pages/charts/pie-chart-1a2b3c4d5e6f7a8b.js": ##"""
(window.__NEXT_P=window.__NEXT_P||[]).push(["/charts/pie-chart",function(){return n(1234)}]);
"""##,
        "_next/static/Xb9_kL2mN/_buildManifest.js": ##"""
self.__BUILD_MANIFEST={__rewrites:{afterFiles:[],beforeFiles:[],fallback:[]},"/":["static/chunks/pages/index-abc.js"],"/about":["static/chunks/pages/about-def.js"],sortedPages:["/","/_app","/_error","/about"]};self.__BUILD_MANIFEST_CB&&self.__BUILD_MANIFEST_CB();
"""##,
        "_next/static/chunks/app/(shop)/cart/[id]/page-1a2b3c4d5e6f7a8b.js": ##"""
x;
"""##,
    ]
    static let nextjsKinds: Set<String>? = ["route"]
    /// Next.js app-router static export built by Turbopack (flat chunk names): each page's RSC payload names its URL;
    /// other text files are not payloads
    static let nextExportPayload: [String: String] = [
        "wallet/send/index.txt": ##"""
1:"$Sreact.fragment"
2:I[71007,["/_next/static/chunks/3azrao0mcs7ot.js","/_next/static/chunks/2pgmgj3yf0aqw.js"],"AppProviders"]
0:{"P":null,"c":["","wallet","send",""],"q":"","i":false,"f":[[["",{"children":["wallet",{"children":["send",{"children":["__PAGE__",{}]}]}]},"$undefined","$undefined",true]]]}
"""##,
        "index.txt": ##"""
0:{"P":null,"c":["",""],"q":"","i":false,"f":[[["",{"children":["(onboarding)",{"children":["__PAGE__",{}]}]},"$undefined","$undefined",true]]]}
"""##,
        "robots.txt": ##"""
User-agent: *
Allow: /
"""##,
        "3rdpartylicenses.txt": ##"""
0:{ is not how a license starts, but "c":["","x"] could be in one
"""##,
    ]
    static let nextExportPayloadKinds: Set<String>? = ["route"]
    /// the router of useRouter() (Next.js, Expo Router) and the function of useNavigate() (React Router), whatever the
    /// variable is called; query and fragment are not part of the route; a reassigned variable is no router any more
    static let routerHooks: [String: String] = [
        "_next/static/chunks/3zy4mf1j_c8le.js": ##"""
function P(){let e=(0,t.useRouter)(),i=(0,t.usePathname)();return(0,n.jsx)(a.Button,{onClick:()=>e.push("/wallet/change-password?from=settings"),children:"x"})}function Q(){const n=(0,r.useNavigate)();return n("/settings#top"),n(-1),n(u)}e=[];e.push("/not-a-route");
"""##,
        "src/Menu.jsx": ##"""
export default function Menu() {
  const router = useRouter();
  const go = useNavigate();
  return [router.replace('/wallet/account'), go('/wallet/send')];
}
"""##,
    ]
    static let routerHooksKinds: Set<String>? = ["route"]
    /// Expo Router context map, router.push, Screen name, href
    static let expoRouter: [String: String] = [
        "index.android.bundle": ##"""
__d((function(g,r,i,a,m,e,d){m.exports={"./(tabs)/_layout.tsx":{enumerable:!0,get:function(){return r(d[6])}},"./(tabs)/settings.tsx":{enumerable:!0,get:function(){return r(d[7])}},"./index.tsx":{enumerable:!0,get:function(){return r(d[8])}}};o.router.push("/profile");(0,n.jsx)(t.Stack.Screen,{name:"modal"});(0,n.jsx)(l.Link,{href:"/settings"})}),9,[]);
"""##,
    ]
    static let expoRouterKinds: Set<String>? = ["route"]
    /// LaunchDarkly: keys and defaults, confirmed by its endpoints
    static let launchDarkly: [String: String] = [
        "vendor.js": ##"""
const e="https://clientsdk.launchdarkly.com",t="https://clientstream.launchdarkly.com";
"""##,
        "app.js": ##"""
n.variation("new-checkout",!1);ldClient.boolVariation('dark-mode', false);o.variationDetail(`beta`,"off");
"""##,
    ]
    static let launchDarklyKinds: Set<String>? = ["feature-flag", "sdk-fingerprint"]
    /// SDK-shaped calls without the SDK's endpoint strings are not flags
    static let flagsWithoutFingerprint: [String: String] = [
        "app.js": ##"""
n.variation("new-checkout",!1);s.isEnabled("x");c.getTreatment("y");
"""##,
    ]
    static let flagsWithoutFingerprintKinds: Set<String>? = ["feature-flag"]
    /// build-time env objects
    static let buildEnv: [String: String] = [
        "assets/index-Dvm9KEU2.js": ##"""
const t={BASE_URL:"/",MODE:"production",DEV:!1,PROD:!0,SSR:!1};
const o={production:!0,apiUrl:"https://api.example.com"};__DEV__=false;
"""##,
    ]
    static let buildEnvKinds: Set<String>? = ["build-env"]
    /// hand-rolled flags
    static let appFlags: [String: String] = [
        "app.js": ##"""
if(featureFlags.newCheckout){}if(cfg.flags["beta-ui"])x();isFeatureEnabled("wallet");if(t.features.chat.enabled)y();
"""##,
    ]
    static let appFlagsKinds: Set<String>? = ["feature-flag"]
    /// every sink, classified by argument
    static let dynamicSinks: [String: String] = [
        "app.js": ##"""
eval(code);eval("1+1");window.eval(s);new Function("a","return a")(1);Function(body);setTimeout("tick()",10);setTimeout(tick,10);
document.write("<p>"+x);import(spec);import("https://cdn.example.com/mod.js");importScripts("https://cdn.example.com/w.js");
WebAssembly.instantiate(bytes);new Worker(URL.createObjectURL(blob));new Worker("data:text/javascript,postMessage(1)");
f.srcdoc=html;el.innerHTML="<script src=x></script>";el.insertAdjacentHTML("beforeend","<script>1</script>");r.createContextualFragment(`<script>2</script>`);
u.jsx("div",{dangerouslySetInnerHTML:{__html:t}});eval(atob("YWxlcnQoMSk="));
"""##,
    ]
    static let dynamicSinksKinds: Set<String>? = ["dynamic-code"]
    /// legitimate emitters are facts with a benign attribute
    static let benignEmitters: [String: String] = [
        "vendor.js": ##"""
g=function(){try{return this||new Function("return this")()}catch(e){if("object"==typeof window)return window}}();
n=n||Function("return this")()||(0,eval)("this");
v=("function"==typeof t?t:Function(t)).apply(void 0,e);
Function("r", "regeneratorRuntime = r")(runtime);
var mod=eval("quire".replace(/^/,"re"))(moduleName);
var fn=new Function("return "+l)();
const b=new Blob([atob(encodedJs)],{type:"text/javascript;charset=utf-8"});
import("./chunk-3FQ2KZ1L.js");
e=c.createElement("div"),e.innerHTML="<script><\/script>",e=e.removeChild(e.firstChild);
if("function"==typeof importScripts)if(K.test(t))self.TURBOPACK_NEXT_CHUNK_URLS.push(t),importScripts(t);
"""##,
    ]
    static let benignEmittersKinds: Set<String>? = ["dynamic-code"]
    /// remote code
    static let remoteCode: [String: String] = [
        "app.js": ##"""
const e=document.createElement("script");e.src="https://client.crisp.chat/l.js",e.async=!0,document.getElementsByTagName("head")[0].appendChild(e);
var r=document.createElement("script");r.charset="utf-8",r.src=t.tu(a);
t.p="https://cdn.example.com/assets/";n.p="/";
var c=import("https://esm.sh/lodash");importScripts("//cdn.example.com/sw.js");
remotes:{shop:"shop@https://shop.example.com/remoteEntry.js"};System.import("@org/navbar");
registerApplication({name:"@org/app",app:()=>System.import("@org/app"),activeWhen:"/app"});
"""##,
    ]
    static let remoteCodeKinds: Set<String>? = ["dynamic-code", "remote-code"]
    /// obfuscated access
    static let obfuscation: [String: String] = [
        "app.js": ##"""
window["ev"+"al"](p);self["\x65\x76\x61\x6c"](q);globalThis[atob("ZXZhbA==")](r);window[k](s);window["webpackJsonp"];
var f=String.fromCharCode(101,118,97,108);String.fromCharCode(e);
eval(atob("YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7YWxlcnQoJ2hpJyk7"));
parent["ev"+"al"](z);
"""##,
    ]
    static let obfuscationKinds: Set<String>? = ["dynamic-code", "obfuscated-access"]
    /// payments and in-app purchases
    static let payments: [String: String] = [
        "app.js": ##"""
const s="https://js.stripe.com/v3";Stripe("pk_live_abc123");paypal.Buttons({}).render("#p");braintree.dropin.create({});
new AdyenCheckout(cfg);Square.payments(a,l);new ApplePaySession(3,req);new google.payments.api.PaymentsClient({});new PaymentRequest(m,d);
CdvPurchase.store.order(offer);const P=registerPlugin("Purchases");P.purchasePackage({aPackage:p});const NP=registerPlugin("NativePurchases");NP.purchaseProduct({productIdentifier:"pro"});
var iap=n.NativeModules["RNIapModule"];if(window.ApplePaySession&&ApplePaySession.canMakePayments())pay();
"""##,
    ]
    static let paymentsKinds: Set<String>? = ["payment"]
    /// crypto miners
    static let miners: [String: String] = [
        "app.js": ##"""
var m=new CoinHive.Anonymous("key");s.src="https://coinhive.com/lib/coinhive.min.js";const pool="stratum+tcp://pool.example.com:3333";var algo="cryptonight";CryptoLoot.Anonymous("k");
"""##,
    ]
    static let minersKinds: Set<String>? = ["miner"]
    /// permission-gated web APIs
    static let permissions: [String: String] = [
        "app.js": ##"""
navigator.geolocation.getCurrentPosition(ok);navigator.mediaDevices.getUserMedia({video:!0});Notification.requestPermission();new Notification("x");
navigator.clipboard.readText();navigator.clipboard.writeText(t);navigator.contacts.select(["name"]);navigator.bluetooth.requestDevice({});
new NDEFReader();navigator.usb.requestDevice({filters:[]});navigator.serial.requestPort();navigator.hid.requestDevice({filters:[]});new Accelerometer({frequency:60});DeviceMotionEvent.requestPermission();
"""##,
    ]
    static let permissionsKinds: Set<String>? = ["permission-api"]
    /// update wording near alert/confirm/dialog plugins
    static let updatePrompts: [String: String] = [
        "app.js": ##"""
confirm("A new version is available. Update now?");alert("Saved");
const D=registerPlugin("Dialog");D.alert({title:"Update available",message:"Restart to update"});
e.create({header:"New update",message:"Please update the app"});navigator.notification.confirm("Update available",cb);
"""##,
    ]
    static let updatePromptsKinds: Set<String>? = ["update-prompt"]
    /// URLs of native code
    static let nativeUrls: [String: String] = [
        "app.js": ##"""
const a="https://cdn.example.com/libs/libpayload.so",b="/assets/classes.dex",c="plugin.jar",d="https://x.example.com/app-release.apk";const e="also",f="a.so b";
"""##,
    ]
    static let nativeUrlsKinds: Set<String>? = ["native-code-url"]
    /// JSON manifests
    static let manifests: [String: String] = [
        "capacitor.config.json": ##"""
{
  "appId": "com.example.app",
  "server": { "url": "https://live.example.com", "allowNavigation": ["*.example.com"] },
  "plugins": { "CapacitorUpdater": { "autoUpdate": true, "updateUrl": "https://updates.example.com/api" } }
}
"""##,
        "capacitor.plugins.json": ##"""
[{"pkg":"@capgo/capacitor-updater","classpath":"ee.forgr.capacitor_updater.CapacitorUpdaterPlugin"}]
"""##,
        "package.json": ##"""
{"name":"app","dependencies":{"@capacitor/core":"^6.0.0"}}
"""##,
    ]
    static let manifestsKinds: Set<String>? = nil
    /// shapes seen in the corpus that are not facts (a rebound variable, null srcdoc, x.top[i], plain flags objects, the
    /// empty statics of the Ionic Native base class, CKEditor plugins' pluginName, Safari sniffing by ApplePaySession, a Symbol key
    /// on window, a local named parent); the script element of line 5 is one
    static let corpusFalsePositives: [String: String] = [
        "app.js": ##"""
for(var n in e)e.hasOwnProperty(n)&&(t.top[e[n]]=n);r=o.parent[i];f=w.frames[k];
var l=c.flags,m=l["radial-grid"];v=RegExp(String.fromCharCode(160),"g");s=String.fromCharCode(55349,56668);
let{remoteEntry:{path:u,name:f,type:h},types:p={path:"",name:"",zip:""}}=cfg;
const re=/x/g;re.exec(str);o.create({}).show();
var n=document.createElement("script");n.src=a;function f(){let n=new Image;n.src=e}e.prototype.srcdoc=null;
x.pluginName="",x.pluginRef="",x.plugin="",x.repo="";T.pluginName="Typo3LinkEditing";class w extends o.Plugin{static{this.pluginName="Whitespace"}}
const m=!!window.InstallTrigger,g=!!window.ApplePaySession,h=!!window.chrome;
"u">typeof window&&(window[Symbol.for("radix-ui")]=!0);
function include(parent, objects) { for (var key in objects) { if (typeof parent[key] === 'undefined') parent[key] = objects[key]; } }
"""##,
    ]
    static let corpusFalsePositivesKinds: Set<String>? = nil
}
