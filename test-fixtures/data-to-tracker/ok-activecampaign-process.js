// ActiveCampaign site tracking calls that carry no personal data.
vgo('setAccount', '1234567');
vgo('setTrackByDefault', true);
vgo('process');
