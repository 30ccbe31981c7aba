/**
 * Starts the built app the way a signed-in user opens it: the session in WeChat storage, the
 * Taro host loaded, wx.request reaching the test server, navigations recorded (returned).
 */
const { installTaroHost, recordNavigations } = require('./taro-host')
const { installWxRequest } = require('./wx-request')
const { installWxStorage, storeSession } = require('./wx-storage')

function launchSignedIn(baseUrl, login) {
  installWxStorage()
  storeSession(login)
  installTaroHost()
  installWxRequest(baseUrl)
  return recordNavigations()
}

module.exports = { launchSignedIn }
