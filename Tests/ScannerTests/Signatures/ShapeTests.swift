import Foundation
import Testing
@testable import LivegateScanner

// Fixtures written for these tests in the shapes of docs/signatures.md (bundler styles: Vite, webpack 4,
// webpack 5, esbuild, Metro; minified and not). Each test asserts every fact of the kinds it looks at.

/// Native bridges: Capacitor, Cordova, Ionic Native, React Native, Expo, raw transports.
struct NativeBridgeSignatureTests {
    /// Vite: alias of registerPlugin, binding, method call
    @Test func capacitorVite() {
        let facts = inventory(SignatureFixtures.capacitorVite).filter { SignatureFixtures.capacitorViteKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "2:10 plugin-registration capacitor:Camera {framework=capacitor, plugin=Camera, via=registerPlugin}",
            "3:35 bridge-call capacitor:Camera.getPhoto {framework=capacitor, method=getPhoto, plugin=Camera, via=plugin-variable}",
        ])
    }

    /// webpack 4: Object(i["b"]) callee recognised by its {web:} argument
    @Test func capacitorWebpack4() {
        let facts = inventory(SignatureFixtures.capacitorWebpack4).filter { SignatureFixtures.capacitorWebpack4Kinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:21 plugin-registration capacitor:App {framework=capacitor, plugin=App, via=web-implementation}",
            "1:141 bridge-call capacitor:App.addListener {framework=capacitor, method=addListener, plugin=App, via=plugin-variable}",
            "1:179 bridge-call capacitor:App.exitApp {framework=capacitor, method=exitApp, plugin=App, via=plugin-variable}",
        ])
    }

    /// webpack 5: (0,A.registerPlugin)
    @Test func capacitorWebpack5() {
        let facts = inventory(SignatureFixtures.capacitorWebpack5).filter { SignatureFixtures.capacitorWebpack5Kinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:9 plugin-registration capacitor:Geolocation {framework=capacitor, plugin=Geolocation, via=registerPlugin}",
            "2:1 bridge-call capacitor:Geolocation.getCurrentPosition {framework=capacitor, method=getCurrentPosition, plugin=Geolocation, via=plugin-variable}",
        ])
    }

    /// webpack 5 with mangled exports: (0,j.fo)("Device",{web:…}) records fo as a plugin registrar, so that
    /// (0,j.fo)("StatusBar") and (0,I(7423).fo)("PushNotifications",{}) register plugins, in that file or another;
    /// a logger made the same way through another export is no plugin, nor are the calls on it
    @Test func capacitorWebpack5Exports() {
        let facts = inventory(SignatureFixtures.capacitorWebpack5Exports).filter { SignatureFixtures.capacitorWebpack5ExportsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "4334.b099a7046545b4b2.js:2:11 plugin-registration capacitor:Keyboard {framework=capacitor, plugin=Keyboard, via=registerPlugin-export}",
            "4334.b099a7046545b4b2.js:3:1 bridge-call capacitor:Keyboard.setResizeMode {framework=capacitor, method=setResizeMode, plugin=Keyboard, via=plugin-variable}",
            "main.6620aa41a9e9c9dd.js:1:52 plugin-registration capacitor:StatusBar {framework=capacitor, plugin=StatusBar, via=registerPlugin-export}",
            "main.6620aa41a9e9c9dd.js:1:77 plugin-registrar capacitor-registrar:fo {export=fo, framework=capacitor}",
            "main.6620aa41a9e9c9dd.js:1:85 plugin-registration capacitor:Device {framework=capacitor, plugin=Device, via=web-implementation}",
            "main.6620aa41a9e9c9dd.js:1:170 plugin-registration capacitor:PushNotifications {framework=capacitor, plugin=PushNotifications, via=registerPlugin-export}",
            "main.6620aa41a9e9c9dd.js:1:209 bridge-call capacitor:StatusBar.setStyle {framework=capacitor, method=setStyle, plugin=StatusBar, via=plugin-variable}",
        ])
        // Without a registration through that export in the bundle, a plugin name alone is not one.
        let alone = inventory(["4334.b099a7046545b4b2.js": SignatureFixtures.capacitorWebpack5Exports["4334.b099a7046545b4b2.js"]!])
        #expect(alone.filter { $0.kind == "plugin-registration" }.map { describeSignatureFact($0) } == [])
    }

    /// esbuild, unminified; single-argument registerPlugin
    @Test func capacitorEsbuild() {
        let facts = inventory(SignatureFixtures.capacitorEsbuild).filter { SignatureFixtures.capacitorEsbuildKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "2:11 plugin-registration capacitor:App {framework=capacitor, plugin=App, via=registerPlugin}",
            "6:1 bridge-call capacitor:App.addListener {framework=capacitor, method=addListener, plugin=App, via=plugin-variable}",
            "9:18 plugin-registration capacitor:Keyboard {framework=capacitor, plugin=Keyboard, via=registerPlugin}",
            "10:1 bridge-call capacitor:Keyboard.setResizeMode {framework=capacitor, method=setResizeMode, plugin=Keyboard, via=plugin-variable}",
        ])
    }

    /// Capacitor.Plugins, isPluginAvailable guard, nativePromise/nativeCallback
    @Test func capacitorDirect() {
        let facts = inventory(SignatureFixtures.capacitorDirect).filter { SignatureFixtures.capacitorDirectKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:14 plugin-check capacitor-available:Haptics {framework=capacitor, plugin=Haptics}",
            "1:56 bridge-call capacitor:Haptics.impact {framework=capacitor, guarded=true, method=impact, plugin=Haptics, via=Capacitor.Plugins}",
            "2:1 bridge-call capacitor:Toast.show {framework=capacitor, method=show, plugin=Toast, via=Capacitor.Plugins}",
            "2:43 bridge-call capacitor:Share {framework=capacitor, plugin=Share, via=Capacitor.Plugins}",
            "3:1 bridge-call capacitor:Device.getInfo {framework=capacitor, method=getInfo, plugin=Device, via=nativePromise}",
            "3:55 bridge-call capacitor:Motion.addListener {framework=capacitor, method=addListener, plugin=Motion, via=nativeCallback}",
        ])
    }

    /// raw transports
    @Test func transports() {
        let facts = inventory(SignatureFixtures.transports).filter { SignatureFixtures.transportsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 bridge-transport transport:androidBridge {framework=capacitor, transport=androidBridge}",
            "2:1 bridge-transport transport:webkit:bridge {framework=capacitor, handler=bridge, transport=webkit.messageHandlers}",
            "3:1 bridge-transport transport:webkit:cordova {framework=cordova, handler=cordova, transport=webkit.messageHandlers}",
            "4:1 bridge-transport transport:webkit:myApp {framework=custom, handler=myApp, transport=webkit.messageHandlers}",
            "5:1 bridge-transport transport:cordova-native {framework=cordova, transport=_cordovaNative.exec}",
            "6:1 bridge-transport transport:cordova-prompt {framework=cordova, transport=prompt}",
        ])
    }

    /// cordova.define plugin module with exec
    @Test func cordovaPluginFile() {
        let facts = inventory(SignatureFixtures.cordovaPluginFile).filter { SignatureFixtures.cordovaPluginFileKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 cordova-module cordova-module:cordova-plugin-camera.camera {framework=cordova, module=cordova-plugin-camera.camera}",
            "6:5 bridge-call cordova:Camera.takePicture {action=takePicture, framework=cordova, service=Camera, via=exec}",
        ])
    }

    /// app code reaching Cordova plugins through their clobbers (optional chaining too); a computed exec action keeps the
    /// service; the plugin's own installer assigning its clobber is no use
    @Test func cordovaClobbers() {
        let facts = inventory(SignatureFixtures.cordovaClobbers).filter { SignatureFixtures.cordovaClobbersKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "_next/static/chunks/04d2u34smye-k.js:1:64 bridge-call cordova-clobber:cordova.plugins.permissions {framework=cordova, plugin=permissions, via=cordova.plugins}",
            "_next/static/chunks/04d2u34smye-k.js:1:150 bridge-call cordova-clobber:cordova.plugins.barcodeScanner.scan {framework=cordova, method=scan, plugin=barcodeScanner, via=cordova.plugins}",
            "_next/static/chunks/04d2u34smye-k.js:1:191 bridge-call cordova-clobber:window.plugins.spinnerDialog.show {framework=cordova, method=show, plugin=spinnerDialog, via=window.plugins}",
            "plugins/cordova-plugin-insomnia/www/Insomnia.js:4:3 bridge-call cordova:Insomnia.keepAwake {action=keepAwake, framework=cordova, service=Insomnia, via=exec}",
            "plugins/cordova-plugin-insomnia/www/Insomnia.js:7:3 bridge-call cordova:Insomnia {framework=cordova, service=Insomnia, via=exec}",
        ])
    }

    /// minified exec alias, cordova.exec; platform sniffing is not a call
    @Test func cordovaMinified() {
        let facts = inventory(SignatureFixtures.cordovaMinified).filter { SignatureFixtures.cordovaMinifiedKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:31 bridge-call cordova:Device.getDeviceInfo {action=getDeviceInfo, framework=cordova, service=Device, via=exec}",
            "1:90 bridge-call cordova:StatusBar.hide {action=hide, framework=cordova, service=StatusBar, via=exec}",
        ])
    }

    /// cordova_plugins.js: ids, clobbers, versions; old entries without pluginId
    @Test func cordovaPlugins() {
        let facts = inventory(SignatureFixtures.cordovaPlugins).filter { SignatureFixtures.cordovaPluginsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "3:7 native-plugin cordova-plugin:cordova-plugin-camera.Camera {clobbers=Camera, file=plugins/cordova-plugin-camera/www/CameraConstants.js, framework=cordova, module=cordova-plugin-camera.Camera, plugin=cordova-plugin-camera, version=6.0.0}",
            "5:7 native-plugin cordova-plugin:cordova-hot-code-push-plugin.chcp {clobbers=chcp, file=plugins/cordova-hot-code-push-plugin/www/chcp.js, framework=cordova, module=cordova-hot-code-push-plugin.chcp, plugin=cordova-hot-code-push-plugin, runs=true, version=1.5.3}",
            "7:7 native-plugin cordova-plugin:cordova-plugin-device.device {clobbers=device, file=plugins/cordova-plugin-device/www/device.js, framework=cordova, module=cordova-plugin-device.device, plugin=cordova-plugin-device}",
        ])
    }

    /// Ionic Native / awesome-cordova-plugins wrappers
    @Test func ionicNative() {
        let facts = inventory(SignatureFixtures.ionicNative).filter { SignatureFixtures.ionicNativeKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "main.js:1:45 bridge-call ionic-native:Camera.getPicture {framework=ionic-native, method=getPicture, plugin=Camera, via=wrapper-method}",
            "main.js:1:103 plugin-wrapper ionic-native:Camera {framework=ionic-native, package=cordova-plugin-camera, plugin=Camera, ref=navigator.camera}",
            "vendor.js:1:7 plugin-wrapper ionic-native:Camera {framework=ionic-native, package=cordova-plugin-camera, plugin=Camera, ref=navigator.camera}",
            "vendor.js:4:39 plugin-wrapper ionic-native:BarcodeScanner {framework=ionic-native, package=phonegap-plugin-barcodescanner, plugin=BarcodeScanner, ref=cordova.plugins.barcodeScanner}",
        ])
    }

    /// Ionic Native 5 / awesome-cordova-plugins wrapper methods, ES5 (webpack 5, minified); an instance class without a pluginName in another module gets no plugin
    @Test func ionicNativeMethodsES5() {
        let facts = inventory(SignatureFixtures.ionicNativeMethodsES5).filter { SignatureFixtures.ionicNativeMethodsES5Kinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "main.3b9d2c1a8e7f6a50.js:1:277 bridge-call ionic-native:BarcodeScanner.scan {framework=ionic-native, method=scan, plugin=BarcodeScanner, via=wrapper-method}",
            "main.3b9d2c1a8e7f6a50.js:1:375 bridge-call ionic-native:BarcodeScanner.encode {framework=ionic-native, method=encode, plugin=BarcodeScanner, via=wrapper-method}",
            "main.3b9d2c1a8e7f6a50.js:1:528 plugin-wrapper ionic-native:BarcodeScanner {framework=ionic-native, package=phonegap-plugin-barcodescanner, plugin=BarcodeScanner, ref=cordova.plugins.barcodeScanner}",
            "main.3b9d2c1a8e7f6a50.js:3:182 plugin-wrapper ionic-native:FileTransfer {framework=ionic-native, package=cordova-plugin-file-transfer, plugin=FileTransfer, ref=FileTransfer}",
            "main.3b9d2c1a8e7f6a50.js:3:368 bridge-call ionic-native:FileTransfer.download {framework=ionic-native, method=download, plugin=FileTransfer, via=wrapper-method}",
            "main.3b9d2c1a8e7f6a50.js:3:428 plugin-wrapper ionic-native:FileTransfer {framework=ionic-native, package=cordova-plugin-file-transfer, plugin=FileTransfer}",
        ])
    }

    /// the same, unminified (the ES5 index.js of an Ionic Native 5 package)
    @Test func ionicNativeMethodsES5Source() {
        let facts = inventory(SignatureFixtures.ionicNativeMethodsES5Source).filter { SignatureFixtures.ionicNativeMethodsES5SourceKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "6:70 bridge-call ionic-native:Camera.getPicture {framework=ionic-native, method=getPicture, plugin=Camera, via=wrapper-method}",
            "7:60 bridge-call ionic-native:Camera.cleanup {framework=ionic-native, method=cleanup, plugin=Camera, via=wrapper-method}",
            "8:11 plugin-wrapper ionic-native:Camera {framework=ionic-native, package=cordova-plugin-camera, plugin=Camera, ref=navigator.camera}",
        ])
    }

    /// ES2015 classes (Angular's IIFE, esbuild's top level), ES2022 static blocks and fields; a CKEditor-style pluginName is no wrapper
    @Test func ionicNativeMethodsES2015() {
        let facts = inventory(SignatureFixtures.ionicNativeMethodsES2015).filter { SignatureFixtures.ionicNativeMethodsES2015Kinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:70 bridge-call ionic-native:Geolocation.getCurrentPosition {framework=ionic-native, method=getCurrentPosition, plugin=Geolocation, via=wrapper-method}",
            "1:165 bridge-call ionic-native:Geolocation.watchPosition {framework=ionic-native, method=watchPosition, plugin=Geolocation, via=wrapper-method}",
            "1:250 plugin-wrapper ionic-native:Geolocation {framework=ionic-native, package=cordova-plugin-geolocation, plugin=Geolocation, ref=navigator.geolocation}",
            "2:38 bridge-call ionic-native:FCM.getToken {framework=ionic-native, method=getToken, plugin=FCM, via=wrapper-method}",
            "2:80 plugin-wrapper ionic-native:FCM {framework=ionic-native, package=cordova-plugin-fcm-with-dependecy-updated, plugin=FCM, ref=FCMPlugin}",
            "3:39 bridge-call ionic-native:Toast.show {framework=ionic-native, method=show, plugin=Toast, via=wrapper-method}",
            "3:66 plugin-wrapper ionic-native:Toast {framework=ionic-native, package=cordova-plugin-x-toast, plugin=Toast, ref=plugins.toast}",
        ])
    }

    /// the same, unminified (an awesome-cordova-plugins fesm2015 file)
    @Test func ionicNativeMethodsES2015Source() {
        let facts = inventory(SignatureFixtures.ionicNativeMethodsES2015Source).filter { SignatureFixtures.ionicNativeMethodsES2015SourceKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "2:49 bridge-call ionic-native:Geolocation.getCurrentPosition {framework=ionic-native, method=getCurrentPosition, plugin=Geolocation, via=wrapper-method}",
            "3:44 bridge-call ionic-native:Geolocation.watchPosition {framework=ionic-native, method=watchPosition, plugin=Geolocation, via=wrapper-method}",
            "5:12 plugin-wrapper ionic-native:Geolocation {framework=ionic-native, package=cordova-plugin-geolocation, plugin=Geolocation, ref=navigator.geolocation}",
        ])
    }

    /// Ionic Native 3–4 decorators through __decorate, unminified and minified; properties are not methods
    @Test func ionicNativeDecorators() {
        let facts = inventory(SignatureFixtures.ionicNativeDecorators).filter { SignatureFixtures.ionicNativeDecoratorsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "main.js:1:228 bridge-call ionic-native:SpinnerDialog.show {framework=ionic-native, method=show, plugin=SpinnerDialog, via=decorator}",
            "main.js:1:317 bridge-call ionic-native:SpinnerDialog.hide {framework=ionic-native, method=hide, plugin=SpinnerDialog, via=decorator}",
            "main.js:1:369 plugin-wrapper ionic-native:SpinnerDialog {framework=ionic-native, package=cordova-plugin-native-spinner, plugin=SpinnerDialog, ref=window.plugins.spinnerDialog}",
            "vendor.js:14:14 bridge-call ionic-native:Camera.getPicture {framework=ionic-native, method=getPicture, plugin=Camera, via=decorator}",
            "vendor.js:21:13 plugin-wrapper ionic-native:Camera {framework=ionic-native, package=cordova-plugin-camera, plugin=Camera, ref=navigator.camera}",
        ])
    }

    /// Metro: NativeModules, TurboModuleRegistry, codegen, UIManager, events, requireNativeComponent; RN feature flags are not app flags
    @Test func reactNativeMetro() {
        let facts = inventory(SignatureFixtures.reactNativeMetro).filter { SignatureFixtures.reactNativeMetroKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 build-env env:metro {bundler=metro, dev=false}",
            "1:58 bridge-call react-native:MMKV.initialize {framework=react-native, method=initialize, module=MMKV, via=NativeModules}",
            "1:58 native-module react-native:MMKV {framework=react-native, module=MMKV, via=NativeModules}",
            "1:101 native-module react-native:DeviceInfo {framework=react-native, module=DeviceInfo, via=TurboModuleRegistry}",
            "1:153 native-component react-native-component:RNSSearchBar {component=RNSSearchBar, framework=react-native, via=codegen}",
            "1:197 native-component react-native-component:RNSScreen {component=RNSScreen, framework=react-native, via=UIManager}",
            "1:243 native-event react-native-event:onGestureHandlerEvent {event=onGestureHandlerEvent, framework=react-native}",
            "1:309 native-component react-native-component:RNCWebView {component=RNCWebView, framework=react-native, via=requireNativeComponent}",
        ])
    }

    /// Expo modules
    @Test func expo() {
        let facts = inventory(SignatureFixtures.expo).filter { SignatureFixtures.expoKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:30 native-module expo:ExpoAsset {framework=expo, module=ExpoAsset, via=requireNativeModule}",
            "1:81 native-module expo:ExpoUpdates {framework=expo, module=ExpoUpdates, via=requireOptionalNativeModule}",
            "1:81 updater-call updater:ExpoUpdates {updater=ExpoUpdates, via=requireNativeModule}",
            "1:130 bridge-call expo:ExponentConstants.getWebViewUserAgentAsync {framework=expo, method=getWebViewUserAgentAsync, module=ExponentConstants, via=NativeModulesProxy}",
            "1:130 native-module expo:ExponentConstants {framework=expo, module=ExponentConstants, via=NativeModulesProxy}",
        ])
    }
}

/// Live-update plugins and their calls.
struct LiveUpdateSignatureTests {
    /// Capgo CapacitorUpdater calls
    @Test func capgo() {
        let facts = inventory(SignatureFixtures.capgo).filter { SignatureFixtures.capgoKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "3:1 bridge-call capacitor:CapacitorUpdater.notifyAppReady {framework=capacitor, method=notifyAppReady, plugin=CapacitorUpdater, via=plugin-variable}",
            "3:1 updater-call updater:CapacitorUpdater.notifyAppReady {method=notifyAppReady, plugin=CapacitorUpdater, updater=CapacitorUpdater, via=plugin-variable}",
            "3:21 bridge-call capacitor:CapacitorUpdater.download {framework=capacitor, method=download, plugin=CapacitorUpdater, via=plugin-variable}",
            "3:21 updater-call updater:CapacitorUpdater.download {method=download, plugin=CapacitorUpdater, updater=CapacitorUpdater, via=plugin-variable}",
            "3:101 bridge-call capacitor:CapacitorUpdater.set {framework=capacitor, method=set, plugin=CapacitorUpdater, via=plugin-variable}",
            "3:101 updater-call updater:CapacitorUpdater.set {method=set, plugin=CapacitorUpdater, updater=CapacitorUpdater, via=plugin-variable}",
        ])
    }

    /// Appflow LiveUpdates.sync and WebView.setServerBasePath
    @Test func appflowWebView() {
        let facts = inventory(SignatureFixtures.appflowWebView).filter { SignatureFixtures.appflowWebViewKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "2:29 updater-call updater:LiveUpdates.sync {method=sync, plugin=LiveUpdates, updater=LiveUpdates, via=plugin-variable}",
            "3:1 updater-call updater:WebView.setServerBasePath {method=setServerBasePath, plugin=WebView, updater=WebView, via=Capacitor.Plugins}",
        ])
    }

    /// CodePush, cordova-hot-code-push, Expo Updates
    @Test func codePushChcpExpo() {
        let facts = inventory(SignatureFixtures.codePushChcpExpo).filter { SignatureFixtures.codePushChcpExpoKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 updater-call updater:CodePush.sync {method=sync, updater=CodePush, via=codePush}",
            "1:16 update-prompt update-prompt:updateDialog {text=true, via=updateDialog}",
            "1:79 updater-call updater:CodePush.notifyAppReady {method=notifyAppReady, updater=CodePush, via=codePush}",
            "1:111 updater-call updater:CodePush {updater=CodePush, via=NativeModules}",
            "2:1 updater-call updater:chcp.fetchUpdate {method=fetchUpdate, updater=chcp, via=chcp}",
            "2:35 updater-call updater:chcp.installUpdate {method=installUpdate, updater=chcp, via=chcp}",
            "3:26 updater-call updater:ExpoUpdates.fetchUpdateAsync {method=fetchUpdateAsync, updater=ExpoUpdates, via=expo-updates}",
            "3:59 updater-call updater:ExpoUpdates.reloadAsync {method=reloadAsync, updater=ExpoUpdates, via=expo-updates}",
        ])
    }
}

/// Routes and screens.
struct RouteSignatureTests {
    /// React Router v5/v6/v7
    @Test func reactRouter() {
        let facts = inventory(SignatureFixtures.reactRouter).filter { SignatureFixtures.reactRouterKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:11 route route:/auth {framework=router, route=/auth, via=element}",
            "1:57 route route:/workspace/:id/* {framework=router, route=/workspace/:id/*, via=element}",
            "2:29 route route:/ {framework=router, route=/, via=element}",
            "2:95 route route:settings {framework=router, route=settings, via=lazy}",
            "3:29 route route:/home {framework=router, route=/home, via=component}",
        ])
    }

    /// React Router v7 SPA build: the browser manifest (JSON.stringify) with nested, index, pathless-layout and splat routes; full URLs come from the parentId chain
    @Test func reactRouterManifest() {
        let facts = inventory(SignatureFixtures.reactRouterManifest).filter { SignatureFixtures.reactRouterManifestKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:353 route route:/ {framework=react-router, id=routes/home, route=/, via=__reactRouterManifest}",
            "1:473 route route:/wallet {framework=react-router, id=routes/wallet, route=/wallet, via=__reactRouterManifest}",
            "1:584 route route:/wallet/:id/* {framework=react-router, id=routes/wallet.$id, route=/wallet/:id/*, via=__reactRouterManifest}",
            "1:807 route route:/login {framework=react-router, id=routes/_auth.login, route=/login, via=__reactRouterManifest}",
            "1:953 route route:/* {framework=react-router, id=routes/$, route=/*, via=__reactRouterManifest}",
        ])
    }

    /// the same kind of file formatted by a code formatter (unquoted keys, single quotes), and an absolute child path
    @Test func reactRouterManifestFormatted() {
        let facts = inventory(SignatureFixtures.reactRouterManifestFormatted).filter { SignatureFixtures.reactRouterManifestFormattedKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "17:5 route route:/ {framework=react-router, id=routes/home, route=/, via=__reactRouterManifest}",
            "23:5 route route:/docs/:slug {framework=react-router, id=routes/docs, route=/docs/:slug, via=__reactRouterManifest}",
        ])
    }

    /// Remix: window.__remixManifest in public/build/manifest-<HASH>.js
    @Test func remixManifest() {
        let facts = inventory(SignatureFixtures.remixManifest).filter { SignatureFixtures.remixManifestKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "build/manifest-1A2B3C4D.js:1:184 route route:/ {framework=remix, id=routes/index, route=/, via=__remixManifest}",
            "build/manifest-1A2B3C4D.js:1:295 route route:/notes {framework=remix, id=routes/notes, route=/notes, via=__remixManifest}",
            "build/manifest-1A2B3C4D.js:1:408 route route:/notes/:noteId {framework=remix, id=routes/notes/$noteId, route=/notes/:noteId, via=__remixManifest}",
        ])
    }

    /// a React Router manifest inlined in a page (server rendering with lazy route discovery), at page positions;
    /// in an HTML comment, a non-script element or a string it is no route table
    @Test func reactRouterManifestInline() throws {
        let facts = inventory(SignatureFixtures.reactRouterManifestInline).filter { SignatureFixtures.reactRouterManifestInlineKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "index.html:5:5 route route:/ {framework=react-router, id=root, route=/, via=__reactRouterManifest}",
            "index.html:6:5 route route:/about {framework=react-router, id=routes/about, route=/about, via=__reactRouterManifest}",
        ])
        let page = try #require(SignatureFixtures.reactRouterManifestInline["index.html"])
        let script = try #require(page.range(of: "window.__reactRouterManifest"))
        let end = try #require(page.range(of: "};\n"))
        let table = String(page[script.lowerBound..<end.upperBound])
        for hidden in ["<!-- " + table + " -->", "<template>" + table + "</template>",
                       "<script>var s=" + String(decoding: try JSONEncoder().encode(table), as: UTF8.self) + "</script>"] {
            let other = page.replacingCharacters(in: script.lowerBound..<end.upperBound, with: "") + hidden
            #expect(inventory(["index.html": other]).filter { $0.kind == "route" }.map { describeSignatureFact($0) } == [])
        }
    }

    /// Vue Router / Ionic Vue
    @Test func vueRouter() {
        let facts = inventory(SignatureFixtures.vueRouter).filter { SignatureFixtures.vueRouterKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:11 route route:/ {framework=router, route=/, via=redirect}",
            "1:39 route route:/home {framework=router, route=/home, via=component}",
            "2:35 route route:/tabs/ {framework=router, route=/tabs/, via=component}",
        ])
    }

    /// Angular eager and lazy routes
    @Test func angularRouter() {
        let facts = inventory(SignatureFixtures.angularRouter).filter { SignatureFixtures.angularRouterKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:12 route route:feed {framework=router, route=feed, via=component}",
            "1:39 route route:publicacion/:id {framework=router, route=publicacion/:id, via=component}",
            "1:77 route route:faq {framework=router, route=faq, via=loadChildren}",
            "1:157 route route:about {framework=router, route=about, via=loadComponent}",
            "1:237 route route: {framework=router, via=redirectTo}",
        ])
    }

    /// Angular navigate([commands]) and navigateByUrl, Ionic NavController navigateRoot/Forward/Back, whatever the
    /// injected service is called; relative commands kept as written, ".." and non-literals are not routes
    @Test func angularNavigation() {
        let facts = inventory(SignatureFixtures.angularNavigation).filter { SignatureFixtures.angularNavigationKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "4023.8f3b76c5136f91ac.js:1:169 route route:/settings {framework=angular, route=/settings, via=navigate}",
            "4023.8f3b76c5136f91ac.js:1:236 route route:lot-list {framework=angular, route=lot-list, via=navigate}",
            "4023.8f3b76c5136f91ac.js:1:352 route route:tabs/photo/new-photo {framework=angular, route=tabs/photo/new-photo, via=navigateForward}",
            "src/app.js:3:5 route route:/login {framework=angular, route=/login, via=navigateRoot}",
            "src/app.js:4:5 route route:/tabs/home {framework=router, route=/tabs/home, via=navigateByUrl}",
        ])
    }

    /// SvelteKit dictionary (only in _app/immutable)
    @Test func sveltekit() {
        let facts = inventory(SignatureFixtures.sveltekit).filter { SignatureFixtures.sveltekitKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "_app/immutable/entry/app.BXc2dEf3.js:1:19 route route:/ {framework=sveltekit, route=/, via=dictionary}",
            "_app/immutable/entry/app.BXc2dEf3.js:1:27 route route:/browse {framework=sveltekit, route=/browse, via=dictionary}",
            "_app/immutable/entry/app.BXc2dEf3.js:1:41 route route:/blog/[slug] {framework=sveltekit, route=/blog/[slug], via=dictionary}",
        ])
    }

    /// Next.js pages, build manifest, app-router chunk paths
    @Test func nextjs() {
        let facts = inventory(SignatureFixtures.nextjs).filter { SignatureFixtures.nextjsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "_next/static/Xb9_kL2mN/_buildManifest.js:1:78 route route:/ {framework=next, route=/, via=__BUILD_MANIFEST}",
            "_next/static/Xb9_kL2mN/_buildManifest.js:1:119 route route:/about {framework=next, route=/about, via=__BUILD_MANIFEST}",
            "_next/static/chunks/app/(shop)/cart/[id]/page-1a2b3c4d5e6f7a8b.js:1:1 route route:/cart/[id] {framework=next, route=/cart/[id], via=app-router-chunk}",
            "_next/static/chunks/pages/charts/pie-chart-1a2b3c4d5e6f7a8b.js:1:2 route route:/charts/pie-chart {framework=next, route=/charts/pie-chart, via=__NEXT_P}",
        ])
    }

    /// Next.js app-router static export built by Turbopack (flat chunk names): each page's RSC payload names its URL;
    /// other text files are not payloads
    @Test func nextExportPayload() {
        let facts = inventory(SignatureFixtures.nextExportPayload).filter { SignatureFixtures.nextExportPayloadKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "index.txt:1:13 route route:/ {framework=next, route=/, via=rsc-payload}",
            "wallet/send/index.txt:3:13 route route:/wallet/send {framework=next, route=/wallet/send, via=rsc-payload}",
        ])
    }

    /// the router of useRouter() (Next.js, Expo Router) and the function of useNavigate() (React Router), whatever the
    /// variable is called; query and fragment are not part of the route; a reassigned variable is no router any more
    @Test func routerHooks() {
        let facts = inventory(SignatureFixtures.routerHooks).filter { SignatureFixtures.routerHooksKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "_next/static/chunks/3zy4mf1j_c8le.js:1:98 route route:/wallet/change-password {framework=router, route=/wallet/change-password, via=push}",
            "_next/static/chunks/3zy4mf1j_c8le.js:1:209 route route:/settings {framework=react-router, route=/settings, via=navigate}",
            "src/Menu.jsx:4:11 route route:/wallet/account {framework=router, route=/wallet/account, via=replace}",
            "src/Menu.jsx:4:46 route route:/wallet/send {framework=react-router, route=/wallet/send, via=navigate}",
        ])
    }

    /// Expo Router context map, router.push, Screen name, href
    @Test func expoRouter() {
        let facts = inventory(SignatureFixtures.expoRouter).filter { SignatureFixtures.expoRouterKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:41 route route:/_layout {framework=expo-router, route=/_layout, via=require.context}",
            "1:111 route route:/settings {framework=expo-router, route=/settings, via=require.context}",
            "1:182 route route:/ {framework=expo-router, route=/, via=require.context}",
            "1:244 route route:/profile {framework=router, route=/profile, via=push}",
            "1:287 route screen:modal {framework=react-navigation, route=modal, via=Screen}",
            "1:329 route route:/settings {framework=router, route=/settings, via=href}",
        ])
    }
}

/// Feature flags and build-time environments.
struct FlagSignatureTests {
    /// LaunchDarkly: keys and defaults, confirmed by its endpoints
    @Test func launchDarkly() {
        let facts = inventory(SignatureFixtures.launchDarkly).filter { SignatureFixtures.launchDarklyKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "app.js:1:1 feature-flag flag:launchdarkly:new-checkout {default=false, flag=new-checkout, method=variation, sdk=launchdarkly}",
            "app.js:1:32 feature-flag flag:launchdarkly:dark-mode {default=false, flag=dark-mode, method=boolVariation, sdk=launchdarkly}",
            "app.js:1:75 feature-flag flag:launchdarkly:beta {default=off, flag=beta, method=variationDetail, sdk=launchdarkly}",
            "vendor.js:1:9 sdk-fingerprint sdk:launchdarkly {sdk=launchdarkly}",
            "vendor.js:1:48 sdk-fingerprint sdk:launchdarkly {sdk=launchdarkly}",
        ])
    }

    /// SDK-shaped calls without the SDK's endpoint strings are not flags
    @Test func flagsWithoutFingerprint() {
        let facts = inventory(SignatureFixtures.flagsWithoutFingerprint).filter { SignatureFixtures.flagsWithoutFingerprintKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
        ])
    }

    /// build-time env objects
    @Test func buildEnv() {
        let facts = inventory(SignatureFixtures.buildEnv).filter { SignatureFixtures.buildEnvKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:10 build-env env:vite {base=/, bundler=vite, mode=production}",
            "2:9 build-env env:angular {bundler=angular, production=true}",
            "2:58 build-env env:metro {bundler=metro, dev=false}",
        ])
    }

    /// hand-rolled flags
    @Test func appFlags() {
        let facts = inventory(SignatureFixtures.appFlags).filter { SignatureFixtures.appFlagsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:4 feature-flag flag:app:newCheckout {flag=newCheckout, method=object, sdk=app}",
            "1:34 feature-flag flag:app:beta-ui {flag=beta-ui, method=flags[], sdk=app}",
            "1:59 feature-flag flag:app:wallet {flag=wallet, method=isFeatureEnabled, sdk=app}",
            "1:89 feature-flag flag:app:chat {flag=chat, method=features.enabled, sdk=app}",
        ])
    }
}

/// Dynamic code, remote code, obfuscated access, and the legitimate emitters.
struct CodeSignatureTests {
    /// every sink, classified by argument
    @Test func dynamicSinks() {
        let facts = inventory(SignatureFixtures.dynamicSinks).filter { SignatureFixtures.dynamicSinksKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "1:12 dynamic-code eval:literal {argument=literal, sink=eval}",
            "1:24 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "1:43 dynamic-code function:literal {argument=literal, sink=Function}",
            "1:71 dynamic-code function:non-literal {argument=non-literal, sink=Function}",
            "1:86 dynamic-code string-timer:setTimeout {argument=literal, sink=setTimeout}",
            "2:1 dynamic-code document-write:non-literal {argument=non-literal, sink=document.write}",
            "2:25 dynamic-code import:non-literal {argument=non-literal, sink=import}",
            "2:38 dynamic-code import:remote {argument=remote, sink=import}",
            "2:79 dynamic-code importscripts:remote {argument=remote, sink=importScripts}",
            "3:1 dynamic-code wasm:instantiate {argument=bytes, sink=WebAssembly.instantiate}",
            "3:32 dynamic-code worker:blob {argument=blob, sink=Worker}",
            "3:70 dynamic-code worker:data {argument=data, sink=Worker}",
            "4:2 dynamic-code srcdoc:non-literal {argument=non-literal, sink=srcdoc}",
            "4:15 dynamic-code innerhtml-script:literal {argument=literal, sink=innerHTML}",
            "4:54 dynamic-code insertadjacenthtml-script:literal {argument=literal, sink=insertAdjacentHTML}",
            "4:110 dynamic-code createcontextualfragment-script:literal {argument=literal, sink=createContextualFragment}",
            "5:14 dynamic-code dangerously-set-inner-html:non-literal {argument=non-literal, sink=dangerouslySetInnerHTML}",
            "5:51 dynamic-code eval:decoded {argument=decoded, sink=eval}",
        ])
    }

    /// legitimate emitters are facts with a benign attribute
    @Test func benignEmitters() {
        let facts = inventory(SignatureFixtures.benignEmitters).filter { SignatureFixtures.benignEmittersKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:31 dynamic-code function:literal {argument=literal, benign=webpack-global, sink=Function}",
            "2:6 dynamic-code function:literal {argument=literal, benign=global-this, sink=Function}",
            "2:33 dynamic-code eval:literal {argument=literal, benign=webpack-global, sink=eval}",
            "3:27 dynamic-code function:non-literal {argument=non-literal, benign=core-js-task, sink=Function}",
            "4:1 dynamic-code function:literal {argument=literal, benign=regenerator-runtime, sink=Function}",
            "5:9 dynamic-code eval:non-literal {argument=non-literal, benign=protobufjs-inquire, sink=eval}",
            "6:8 dynamic-code function:non-literal {argument=non-literal, benign=vue-i18n, sink=Function}",
            "7:9 dynamic-code blob-script:decoded {argument=decoded, benign=vite-inline-worker, sink=Blob}",
            "8:1 dynamic-code import:literal {argument=literal, benign=relative-import, sink=import}",
            "9:26 dynamic-code innerhtml-script:literal {argument=literal, benign=react-dom, sink=innerHTML}",
            "10:54 dynamic-code importscripts:non-literal {argument=non-literal, benign=turbopack-chunk-loader, sink=importScripts}",
        ])
    }

    /// remote code
    @Test func remoteCode() {
        let facts = inventory(SignatureFixtures.remoteCode).filter { SignatureFixtures.remoteCodeKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:42 remote-code remote-script:https://client.crisp.chat/l.js {url=https://client.crisp.chat/l.js, via=script-element}",
            "2:58 dynamic-code script-src:non-literal {argument=non-literal, benign=webpack-chunk-loader, sink=script.src}",
            "3:2 remote-code public-path:https://cdn.example.com/assets/ {url=https://cdn.example.com/assets/, via=webpack-public-path}",
            "4:7 dynamic-code import:remote {argument=remote, sink=import}",
            "4:7 remote-code remote-import:https://esm.sh/lodash {url=https://esm.sh/lodash, via=import}",
            "4:39 dynamic-code importscripts:remote {argument=remote, sink=importScripts}",
            "4:39 remote-code remote-script://cdn.example.com/sw.js {url=//cdn.example.com/sw.js, via=importScripts}",
            "5:15 remote-code module-federation:shop@https://shop.example.com/remoteEntry.js {url=shop@https://shop.example.com/remoteEntry.js, via=module-federation}",
            "5:63 remote-code systemjs-import:@org/navbar {url=@org/navbar, via=SystemJS}",
            "6:1 remote-code single-spa:@org/app {name=@org/app, via=single-spa}",
            "6:46 remote-code systemjs-import:@org/app {url=@org/app, via=SystemJS}",
        ])
    }

    /// obfuscated access
    @Test func obfuscation() {
        let facts = inventory(SignatureFixtures.obfuscation).filter { SignatureFixtures.obfuscationKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 obfuscated-access global-computed:eval {argument=literal, property=eval}",
            // `self["\x65\x76\x61\x6c"](q)` is tested on its value: a call of `eval` as well.
            "1:22 dynamic-code eval:non-literal {argument=non-literal, sink=eval}",
            "1:22 obfuscated-access global-computed:eval {argument=literal, property=eval}",
            "1:50 obfuscated-access global-computed:eval {argument=decoded, property=eval}",
            "1:82 obfuscated-access global-computed:non-literal {argument=non-literal}",
            "2:7 obfuscated-access fromcharcode:eval {argument=char-codes, decoded=eval}",
            "3:1 dynamic-code eval:decoded {argument=decoded, sink=eval}",
            "3:6 obfuscated-access atob:long-literal {argument=base64}",
            "4:1 obfuscated-access global-computed:eval {argument=literal, property=eval}",
        ])
    }
}

/// Payments, miners, permission APIs, update prompts, native-code URLs, JSON manifests.
struct OtherSignatureTests {
    /// payments and in-app purchases
    @Test func payments() {
        let facts = inventory(SignatureFixtures.payments).filter { SignatureFixtures.paymentsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:9 payment payment:stripe {provider=stripe, type=web, via=url}",
            "1:36 payment payment:stripe {provider=stripe, type=web, via=Stripe}",
            "1:61 payment payment:paypal {method=Buttons, provider=paypal, type=web, via=call}",
            "1:93 payment payment:braintree {method=dropin, provider=braintree, type=web, via=call}",
            "2:5 payment payment:adyen {provider=adyen, type=web, via=call}",
            "2:24 payment payment:square {provider=square, type=web, via=call}",
            "2:49 payment payment:apple-pay {provider=apple-pay, type=web, via=ApplePaySession}",
            "2:76 payment payment:google-pay {provider=google-pay, type=web, via=PaymentsClient}",
            "2:115 payment payment:payment-request {provider=payment-request, type=web, via=PaymentRequest}",
            "3:1 payment iap:cordova-purchase {method=order, provider=cordova-purchase, type=iap, via=CdvPurchase.store}",
            "3:68 payment iap:Purchases.purchasePackage {method=purchasePackage, provider=Purchases, type=iap, via=plugin-variable}",
            "3:143 payment iap:NativePurchases.purchaseProduct {method=purchaseProduct, provider=NativePurchases, type=iap, via=plugin-variable}",
            "4:25 payment iap:react-native-iap {provider=react-native-iap, type=iap, via=native-module}",
            "4:67 payment payment:apple-pay {provider=apple-pay, type=web, via=ApplePaySession}",
        ])
    }

    /// crypto miners
    @Test func miners() {
        let facts = inventory(SignatureFixtures.miners).filter { SignatureFixtures.minersKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:11 miner miner:coinhive {name=coinhive}",
            "1:43 miner miner:coinhive {name=coinhive}",
            "1:97 miner miner:stratum {name=stratum}",
            "1:144 miner miner:cryptonight {name=cryptonight}",
            "1:158 miner miner:cryptoloot {name=cryptoloot}",
        ])
    }

    /// permission-gated web APIs
    @Test func permissions() {
        let facts = inventory(SignatureFixtures.permissions).filter { SignatureFixtures.permissionsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 permission-api permission:geolocation {api=geolocation.getCurrentPosition}",
            "1:46 permission-api permission:camera-microphone {api=mediaDevices.getUserMedia}",
            "1:94 permission-api permission:notifications {api=Notification.requestPermission}",
            "1:127 permission-api permission:notifications {api=new Notification}",
            "2:1 permission-api permission:clipboard-read {api=clipboard.readText}",
            "2:32 permission-api permission:clipboard-write {api=clipboard.writeText}",
            "2:65 permission-api permission:contacts {api=contacts.select}",
            "2:101 permission-api permission:bluetooth {api=bluetooth.requestDevice}",
            "3:1 permission-api permission:nfc {api=NDEFReader}",
            "3:18 permission-api permission:usb {api=usb.requestDevice}",
            "3:60 permission-api permission:serial {api=serial.requestPort}",
            "3:91 permission-api permission:hid {api=hid.requestDevice}",
            "3:133 permission-api permission:sensors {api=Accelerometer}",
            "3:167 permission-api permission:motion {api=DeviceMotionEvent.requestPermission}",
        ])
    }

    /// update wording near alert/confirm/dialog plugins
    @Test func updatePrompts() {
        let facts = inventory(SignatureFixtures.updatePrompts).filter { SignatureFixtures.updatePromptsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:1 update-prompt update-prompt:confirm {text=A new version is available. Update now?, via=confirm}",
            "2:34 update-prompt update-prompt:Dialog.alert {text=Update available, via=Dialog.alert}",
            "3:1 update-prompt update-prompt:dialog {text=New update, via=create}",
            "3:65 update-prompt update-prompt:confirm {text=Update available, via=confirm}",
        ])
    }

    /// URLs of native code
    @Test func nativeUrls() {
        let facts = inventory(SignatureFixtures.nativeUrls).filter { SignatureFixtures.nativeUrlsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "1:9 native-code-url native-url:https://cdn.example.com/libs/libpayload.so {extension=so, url=https://cdn.example.com/libs/libpayload.so}",
            "1:56 native-code-url native-url:/assets/classes.dex {extension=dex, url=/assets/classes.dex}",
            "1:80 native-code-url native-url:plugin.jar {extension=jar, url=plugin.jar}",
            "1:95 native-code-url native-url:https://x.example.com/app-release.apk {extension=apk, url=https://x.example.com/app-release.apk}",
        ])
    }

    /// JSON manifests
    @Test func manifests() {
        let facts = inventory(SignatureFixtures.manifests).filter { SignatureFixtures.manifestsKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: true) } == [
            "capacitor.config.json:3:15 app-config capacitor-config:server.url {file=capacitor.config.json, setting=server.url, value=https://live.example.com}",
            "capacitor.config.json:3:50 app-config capacitor-config:server.allowNavigation:*.example.com {file=capacitor.config.json, setting=server.allowNavigation, value=*.example.com}",
            "capacitor.config.json:4:38 app-config capacitor-config:plugins.CapacitorUpdater.autoUpdate {file=capacitor.config.json, setting=plugins.CapacitorUpdater.autoUpdate, value=true}",
            "capacitor.config.json:4:58 app-config capacitor-config:plugins.CapacitorUpdater.updateUrl {file=capacitor.config.json, setting=plugins.CapacitorUpdater.updateUrl, value=https://updates.example.com/api}",
            "capacitor.plugins.json:1:9 native-plugin capacitor-plugin:@capgo/capacitor-updater {classpath=ee.forgr.capacitor_updater.CapacitorUpdaterPlugin, framework=capacitor, package=@capgo/capacitor-updater}",
            "package.json:1:31 dependency npm:@capacitor/core {package=@capacitor/core, section=dependencies, version=^6.0.0}",
        ])
    }

    /// shapes seen in the corpus that are not facts (a rebound variable, null srcdoc, x.top[i], plain flags objects, the
    /// empty statics of the Ionic Native base class, CKEditor plugins' pluginName, Safari sniffing by ApplePaySession, a Symbol key
    /// on window, a local named parent); the script element of line 5 is one
    @Test func corpusFalsePositives() {
        let facts = inventory(SignatureFixtures.corpusFalsePositives).filter { SignatureFixtures.corpusFalsePositivesKinds?.contains($0.kind) ?? true }
        #expect(facts.map { describeSignatureFact($0, path: false) } == [
            "5:40 dynamic-code script-src:non-literal {argument=non-literal, benign=webpack-chunk-loader, sink=script.src}",
        ])
    }
}

