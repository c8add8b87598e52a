const path = require('path');

module.exports = {
  entry: './src/index.js',
  resolve: {
    alias: {
      Tracking: path.resolve(__dirname, 'src/tracking/'),
    },
  },
};
