/*
 * SPDX-License-Identifier: BSD-2-Clause
 * Copyright (c) 2026 The bootnic authors
 */

/**
 * @file
 * UEFI glue: EFI_SIMPLE_NETWORK_PROTOCOL over a bootnic network device.
 *
 * The state machine is the specification's: Stopped, Start() to Started,
 * Initialize() (the driver's open) to Initialized, Shutdown() back to
 * Started, Stop() back to Stopped.  Received frames are copied into a ring
 * that Receive() empties without blocking; transmit completions hand the
 * caller's buffer pointer back through GetStatus(), which is the only way
 * MNP recycles its transmit buffers; a transmit completes before Transmit()
 * returns.  The device is polled from Receive() and GetStatus() (so the
 * network stack's own 10 ms poll drives it) and from a periodic timer at
 * TPL_CALLBACK, which skips its poll when the device was polled recently;
 * efi_usbio.c decides whether a poll tries to receive.  Every function runs
 * at TPL_CALLBACK, so the timer never interrupts one of them.
 */

#include "efi_glue.h"
#include "bn_err.h"

/** Every receive filter bit this interface implements. */
#define BN_EFI_RX_FILTERS						\
	(EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |				\
	 EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST |				\
	 EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST |				\
	 EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS |			\
	 EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)

/** Filters in force after Initialize(): what the driver's open selects. */
#define BN_EFI_RX_DEFAULT						\
	(EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |				\
	 EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST |				\
	 EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)

/** Offset of the EtherType in an Ethernet header. */
#define BN_EFI_ETH_TYPE_OFFSET 12

/**
 * Find the interface an SNP instance belongs to.
 *
 * @param snp		Protocol instance
 * @return		Interface
 */
static struct bn_efi_nic *bn_efi_nic_of(EFI_SIMPLE_NETWORK_PROTOCOL *snp)
{
	return (struct bn_efi_nic *)((UINT8 *)snp -
				     offsetof(struct bn_efi_nic, snp));
}

/**
 * Check an SNP call's instance and the state it needs.
 *
 * @param snp		Protocol instance (may be NULL)
 * @param state		State the call needs
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER, EFI_NOT_STARTED or
 *			EFI_DEVICE_ERROR
 */
static EFI_STATUS bn_efi_snp_check(EFI_SIMPLE_NETWORK_PROTOCOL *snp,
				   UINT32 state)
{
	if (!snp || bn_efi_nic_of(snp)->signature != BN_EFI_NIC_SIGNATURE)
		return EFI_INVALID_PARAMETER;
	if (snp->Mode->State == state)
		return EFI_SUCCESS;
	if (snp->Mode->State == EfiSimpleNetworkStopped)
		return EFI_NOT_STARTED;
	return EFI_DEVICE_ERROR;
}

/**
 * Raise the TPL to TPL_CALLBACK for an SNP call, never lowering it (a
 * caller already at a higher TPL keeps it).
 *
 * @return		The TPL to restore
 */
static EFI_TPL bn_efi_snp_lock(void)
{
	EFI_TPL tpl = bn_efi_bs->RaiseTPL(TPL_HIGH_LEVEL);

	bn_efi_bs->RestoreTPL(tpl);
	if (tpl < TPL_CALLBACK)
		bn_efi_bs->RaiseTPL(TPL_CALLBACK);
	return tpl;
}

/**
 * Poll the device unless a poll is already running (or the adapter is
 * unplugged).
 *
 * @param nic		Interface
 */
static void bn_efi_nic_poll(struct bn_efi_nic *nic)
{
	if (nic->polling || !nic->nd)
		return;
	nic->polling = true;
	nic->last_poll_us = bn_port_clock_us();
	bn_netdev_poll(nic->nd);
	nic->polling = false;
}

/**
 * Drop held frames and buffers to hand back (the device was closed).
 *
 * @param nic		Interface
 */
static void bn_efi_snp_flush(struct bn_efi_nic *nic)
{
	nic->rx_head = 0;
	nic->rx_count = 0;
	nic->tx_head = 0;
	nic->tx_count = 0;
	nic->tx_inflight = 0;
	nic->irq_status = 0;
}

/* ------------------------------------------------------------------------
 * Environment callbacks (from the driver, inside a poll)
 * ------------------------------------------------------------------------ */

/**
 * Apply the receive filters in force to a frame's destination.
 *
 * @param nic		Interface
 * @param dst		Destination address
 * @return		true if the frame is wanted
 */
static bool bn_efi_rx_wanted(struct bn_efi_nic *nic, const uint8_t *dst)
{
	static const uint8_t broadcast[BN_ETH_ALEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};
	UINT32 filter = nic->mode.ReceiveFilterSetting;
	UINT32 i;

	if (filter & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS)
		return true;
	if (!(dst[0] & 0x01))
		return (filter & EFI_SIMPLE_NETWORK_RECEIVE_UNICAST) &&
		       !bn_port_memcmp(dst, &nic->mode.CurrentAddress,
				       BN_ETH_ALEN);
	if (!bn_port_memcmp(dst, broadcast, BN_ETH_ALEN))
		return filter & EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST;
	if (filter & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)
		return true;
	if (!(filter & EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST))
		return false;
	for (i = 0; i < nic->mode.MCastFilterCount; i++) {
		if (!bn_port_memcmp(dst, &nic->mode.MCastFilter[i],
				    BN_ETH_ALEN))
			return true;
	}
	return false;
}

/**
 * A frame arrived: filter it and hold it for Receive().
 *
 * @param nd		Network device
 * @param frame		Frame
 * @param len		Length
 */
static void bn_efi_env_rx(struct bn_netdev *nd, const void *frame, size_t len)
{
	struct bn_efi_nic *nic = nd->env_priv;
	const uint8_t *dst = frame;
	struct bn_efi_rx *slot;

	if (len > sizeof(slot->data) || !bn_efi_rx_wanted(nic, dst))
		return;
	if (nic->rx_count == BN_EFI_RX_RING) {
		nd->stats.rx_dropped++;
		return;
	}
	slot = &nic->rx[(nic->rx_head + nic->rx_count) % BN_EFI_RX_RING];
	bn_port_memcpy(slot->data, frame, len);
	slot->len = (UINT16)len;
	nic->rx_count++;
	if (!(dst[0] & 0x01))
		nic->rx_unicast++;
	else if (dst[0] == 0xff && dst[1] == 0xff)
		nic->rx_broadcast++;
	else
		nic->rx_multicast++;
	nic->irq_status |= EFI_SIMPLE_NETWORK_RECEIVE_INTERRUPT;
	bn_efi_bs->SignalEvent(nic->snp.WaitForPacket);
}

/**
 * A transmit finished: its buffer goes back through GetStatus().
 *
 * @param nd		Network device
 * @param cookie	The caller's buffer
 * @param rc		Result (the buffer is handed back either way)
 */
static void bn_efi_env_tx_done(struct bn_netdev *nd, void *cookie, int rc)
{
	struct bn_efi_nic *nic = nd->env_priv;

	(void)rc;
	if (nic->tx_inflight)
		nic->tx_inflight--;
	if (nic->tx_count == BN_EFI_TX_RING)
		return;
	nic->tx_done[(nic->tx_head + nic->tx_count) % BN_EFI_TX_RING] = cookie;
	nic->tx_count++;
	nic->irq_status |= EFI_SIMPLE_NETWORK_TRANSMIT_INTERRUPT;
}

/**
 * The link changed.
 *
 * @param nd		Network device
 */
static void bn_efi_env_link(struct bn_netdev *nd)
{
	struct bn_efi_nic *nic = nd->env_priv;

	nic->link_known = true;
	nic->mode.MediaPresent = nd->link_up;
}

const struct bn_netdev_env bn_efi_netdev_env = {
	.rx = bn_efi_env_rx,
	.tx_done = bn_efi_env_tx_done,
	.link = bn_efi_env_link,
};

/* ------------------------------------------------------------------------
 * State changes
 * ------------------------------------------------------------------------ */

/**
 * SNP Start: Stopped to Started.
 *
 * @param This		Protocol instance
 * @return		EFI_SUCCESS, EFI_ALREADY_STARTED or EFI_INVALID_PARAMETER
 */
static EFI_STATUS EFIAPI bn_efi_snp_start(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	EFI_STATUS status = bn_efi_snp_check(This, EfiSimpleNetworkStopped);
	EFI_TPL tpl;

	if (status == EFI_INVALID_PARAMETER)
		return status;
	if (status != EFI_SUCCESS)
		return EFI_ALREADY_STARTED;
	tpl = bn_efi_snp_lock();
	This->Mode->State = EfiSimpleNetworkStarted;
	bn_efi_bs->RestoreTPL(tpl);
	return EFI_SUCCESS;
}

/**
 * SNP Stop: Started to Stopped.
 *
 * @param This		Protocol instance
 * @return		EFI_SUCCESS or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_stop(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	EFI_STATUS status = bn_efi_snp_check(This, EfiSimpleNetworkStarted);
	EFI_TPL tpl;

	if (status != EFI_SUCCESS)
		return status;
	tpl = bn_efi_snp_lock();
	This->Mode->State = EfiSimpleNetworkStopped;
	bn_efi_bs->RestoreTPL(tpl);
	return EFI_SUCCESS;
}

/**
 * Open the device and start the polling timer (an unplugged adapter: no
 * media until it is back).
 *
 * @param nic		Interface
 * @return		EFI_SUCCESS or EFI_DEVICE_ERROR
 */
static EFI_STATUS bn_efi_snp_open(struct bn_efi_nic *nic)
{
	bn_efi_snp_flush(nic);
	nic->link_known = !nic->nd;
	nic->mode.MediaPresent = nic->nd != NULL;
	if (nic->nd && bn_netdev_open(nic->nd) < 0)
		return EFI_DEVICE_ERROR;
	nic->mode.ReceiveFilterSetting = BN_EFI_RX_DEFAULT;
	nic->mode.MCastFilterCount = 0;
	bn_efi_bs->SetTimer(nic->timer, TimerPeriodic, BN_EFI_TIMER_PERIOD);
	return EFI_SUCCESS;
}

/**
 * Stop the polling timer and close the device.
 *
 * @param nic		Interface
 */
static void bn_efi_snp_close(struct bn_efi_nic *nic)
{
	bn_efi_bs->SetTimer(nic->timer, TimerCancel, 0);
	if (nic->nd)
		bn_netdev_close(nic->nd);
	bn_efi_snp_flush(nic);
}

/**
 * SNP Initialize: open the device (Started to Initialized).
 *
 * @param This		Protocol instance
 * @param ExtraRxBufferSize	Ignored (the driver owns its buffers)
 * @param ExtraTxBufferSize	Ignored
 * @return		EFI_SUCCESS, EFI_DEVICE_ERROR or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_initialize(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, UINTN ExtraRxBufferSize,
	UINTN ExtraTxBufferSize)
{
	EFI_STATUS status = bn_efi_snp_check(This, EfiSimpleNetworkStarted);
	EFI_TPL tpl;

	(void)ExtraRxBufferSize;
	(void)ExtraTxBufferSize;
	if (status != EFI_SUCCESS)
		return status;
	tpl = bn_efi_snp_lock();
	status = bn_efi_snp_open(bn_efi_nic_of(This));
	if (status == EFI_SUCCESS)
		This->Mode->State = EfiSimpleNetworkInitialized;
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/**
 * Apply the SNP receive filter setting to the driver.
 *
 * @param nic		Interface
 * @return		0 or a negative ::bn_err
 */
static int bn_efi_snp_apply_filter(struct bn_efi_nic *nic)
{
	UINT32 setting = nic->mode.ReceiveFilterSetting;
	struct bn_netdev *nd = nic->nd;
	unsigned int flags = 0;
	int rc;

	if (!nd)
		return 0;
	if (setting & EFI_SIMPLE_NETWORK_RECEIVE_UNICAST)
		flags |= BN_RX_UNICAST;
	if (setting & EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST)
		flags |= BN_RX_BROADCAST;
	/* Devices filter multicast coarsely: take every group and let
	 * bn_efi_rx_wanted() keep the listed ones */
	if (setting & EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST)
		flags |= BN_RX_MULTICAST | BN_RX_ALLMULTI;
	if (setting & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)
		flags |= BN_RX_ALLMULTI;
	if (setting & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS)
		flags |= BN_RX_PROMISC;
	if (flags == nd->rx_filter || !nd->driver->ops->set_rx_filter)
		return 0;
	rc = nd->driver->ops->set_rx_filter(nd, flags);
	if (rc == 0)
		nd->rx_filter = flags;
	return rc;
}

/**
 * SNP Reset: close and reopen the device with the same filters.
 *
 * @param This		Protocol instance
 * @param ExtendedVerification	Ignored
 * @return		EFI_SUCCESS, EFI_DEVICE_ERROR or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_reset(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					  BOOLEAN ExtendedVerification)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	struct bn_efi_nic *nic;
	UINT32 setting;
	EFI_TPL tpl;

	(void)ExtendedVerification;
	if (status != EFI_SUCCESS)
		return status;
	nic = bn_efi_nic_of(This);
	tpl = bn_efi_snp_lock();
	setting = nic->mode.ReceiveFilterSetting;
	bn_efi_snp_close(nic);
	status = bn_efi_snp_open(nic);
	if (status == EFI_SUCCESS) {
		nic->mode.ReceiveFilterSetting = setting;
		if (bn_efi_snp_apply_filter(nic) < 0)
			status = EFI_DEVICE_ERROR;
	} else {
		This->Mode->State = EfiSimpleNetworkStarted;
	}
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/**
 * SNP Shutdown: close the device (Initialized to Started).
 *
 * @param This		Protocol instance
 * @return		EFI_SUCCESS or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_shutdown(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	EFI_TPL tpl;

	if (status != EFI_SUCCESS)
		return status;
	tpl = bn_efi_snp_lock();
	bn_efi_snp_close(bn_efi_nic_of(This));
	This->Mode->State = EfiSimpleNetworkStarted;
	bn_efi_bs->RestoreTPL(tpl);
	return EFI_SUCCESS;
}

/* ------------------------------------------------------------------------
 * Settings and information
 * ------------------------------------------------------------------------ */

/**
 * SNP ReceiveFilters: change the filters and the multicast list.
 *
 * @param This		Protocol instance
 * @param Enable	Filter bits to set
 * @param Disable	Filter bits to clear
 * @param ResetMCastFilter	Empty the multicast list
 * @param MCastFilterCnt	Entries in @p MCastFilter
 * @param MCastFilter	New multicast list
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER, EFI_DEVICE_ERROR or
 *			a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_receive_filters(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, UINT32 Enable, UINT32 Disable,
	BOOLEAN ResetMCastFilter, UINTN MCastFilterCnt,
	EFI_MAC_ADDRESS *MCastFilter)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	EFI_SIMPLE_NETWORK_MODE *mode;
	struct bn_efi_nic *nic;
	EFI_TPL tpl;
	UINTN i;

	if (status != EFI_SUCCESS)
		return status;
	nic = bn_efi_nic_of(This);
	mode = &nic->mode;
	if ((Enable | Disable) & ~mode->ReceiveFilterMask)
		return EFI_INVALID_PARAMETER;
	if (!ResetMCastFilter && MCastFilterCnt) {
		if (MCastFilterCnt > mode->MaxMCastFilterCount || !MCastFilter)
			return EFI_INVALID_PARAMETER;
		for (i = 0; i < MCastFilterCnt; i++) {
			if (!(MCastFilter[i].Addr[0] & 0x01))
				return EFI_INVALID_PARAMETER;
		}
	}
	tpl = bn_efi_snp_lock();
	mode->ReceiveFilterSetting = (mode->ReceiveFilterSetting | Enable) &
				     ~Disable;
	if (ResetMCastFilter) {
		mode->MCastFilterCount = 0;
		bn_port_memset(mode->MCastFilter, 0, sizeof(mode->MCastFilter));
	} else if (MCastFilterCnt) {
		mode->MCastFilterCount = (UINT32)MCastFilterCnt;
		bn_port_memcpy(mode->MCastFilter, MCastFilter,
			       MCastFilterCnt * sizeof(*MCastFilter));
	}
	if (bn_efi_snp_apply_filter(nic) < 0)
		status = EFI_DEVICE_ERROR;
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/**
 * SNP StationAddress: the driver cannot change its address, so only a
 * reset (or setting the current one) succeeds.
 *
 * @param This		Protocol instance
 * @param Reset		Go back to the permanent address
 * @param New		New address
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER, EFI_UNSUPPORTED or
 *			a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_station_address(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, BOOLEAN Reset, EFI_MAC_ADDRESS *New)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);

	if (status != EFI_SUCCESS)
		return status;
	if (Reset)
		return EFI_SUCCESS;
	if (!New)
		return EFI_INVALID_PARAMETER;
	if (!bn_port_memcmp(New, &This->Mode->CurrentAddress, BN_ETH_ALEN))
		return EFI_SUCCESS;
	return EFI_UNSUPPORTED;
}

/**
 * SNP Statistics: report (and optionally reset) the driver's counters.
 *
 * Counters the driver does not keep read as all ones (not available).
 *
 * @param This		Protocol instance
 * @param Reset		Zero the counters afterwards
 * @param StatisticsSize	In: room in @p StatisticsTable; out: full size
 * @param StatisticsTable	Table out
 * @return		EFI_SUCCESS, EFI_BUFFER_TOO_SMALL,
 *			EFI_INVALID_PARAMETER or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_statistics(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, BOOLEAN Reset,
	UINTN *StatisticsSize, EFI_NETWORK_STATISTICS *StatisticsTable)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	static const struct bn_netdev_stats none;
	const struct bn_netdev_stats *s;
	EFI_NETWORK_STATISTICS t;
	struct bn_efi_nic *nic;
	EFI_TPL tpl;

	if (status != EFI_SUCCESS)
		return status;
	if (!StatisticsSize && StatisticsTable)
		return EFI_INVALID_PARAMETER;
	nic = bn_efi_nic_of(This);
	s = nic->nd ? &nic->nd->stats : &none;
	tpl = bn_efi_snp_lock();
	if (StatisticsSize) {
		bn_port_memset(&t, 0xff, sizeof(t));
		t.RxTotalFrames = s->rx_packets + s->rx_errors +
				  s->rx_dropped + s->rx_framing + s->rx_crc;
		t.RxGoodFrames = s->rx_packets;
		t.RxDroppedFrames = s->rx_dropped;
		t.RxUnicastFrames = nic->rx_unicast;
		t.RxBroadcastFrames = nic->rx_broadcast;
		t.RxMulticastFrames = nic->rx_multicast;
		t.RxCrcErrorFrames = s->rx_crc;
		t.RxTotalBytes = s->rx_bytes;
		t.TxTotalFrames = s->tx_packets + s->tx_errors;
		t.TxGoodFrames = s->tx_packets;
		t.TxTotalBytes = s->tx_bytes;
		t.TxDroppedFrames = s->tx_errors;
		if (StatisticsTable)
			bn_port_memcpy(StatisticsTable, &t,
				       BN_MIN(*StatisticsSize, sizeof(t)));
		if (*StatisticsSize < sizeof(t))
			status = EFI_BUFFER_TOO_SMALL;
		*StatisticsSize = sizeof(t);
	}
	if (Reset) {
		if (nic->nd)
			bn_port_memset(&nic->nd->stats, 0,
				       sizeof(nic->nd->stats));
		nic->rx_unicast = 0;
		nic->rx_broadcast = 0;
		nic->rx_multicast = 0;
	}
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/**
 * SNP MCastIpToMac: the Ethernet group address of an IP multicast group.
 *
 * @param This		Protocol instance
 * @param IPv6		@p IP is an IPv6 address
 * @param IP		Multicast group
 * @param MAC		Ethernet address out
 * @return		EFI_SUCCESS, EFI_INVALID_PARAMETER or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_mcast_ip_to_mac(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, BOOLEAN IPv6, EFI_IP_ADDRESS *IP,
	EFI_MAC_ADDRESS *MAC)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	const UINT8 *ip = (const UINT8 *)IP;
	UINT8 *mac = (UINT8 *)MAC;

	if (status != EFI_SUCCESS)
		return status;
	if (!IP || !MAC)
		return EFI_INVALID_PARAMETER;
	bn_port_memset(MAC, 0, sizeof(*MAC));
	if (IPv6) {
		/* RFC 2464: 33:33 and the group's last 32 bits */
		mac[0] = 0x33;
		mac[1] = 0x33;
		bn_port_memcpy(&mac[2], &ip[12], 4);
	} else {
		/* RFC 1112: 01:00:5e and the group's low 23 bits */
		if ((ip[0] & 0xf0) != 0xe0)
			return EFI_INVALID_PARAMETER;
		mac[0] = 0x01;
		mac[1] = 0x00;
		mac[2] = 0x5e;
		mac[3] = ip[1] & 0x7f;
		mac[4] = ip[2];
		mac[5] = ip[3];
	}
	return EFI_SUCCESS;
}

/**
 * SNP NvData: there is no non-volatile storage to offer.
 *
 * @param This		Protocol instance
 * @param ReadWrite	Direction
 * @param Offset	Byte offset
 * @param BufferSize	Bytes
 * @param Buffer	Data
 * @return		EFI_UNSUPPORTED, or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_nvdata(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					   BOOLEAN ReadWrite, UINTN Offset,
					   UINTN BufferSize, VOID *Buffer)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);

	(void)ReadWrite;
	(void)Offset;
	(void)BufferSize;
	(void)Buffer;
	return (status != EFI_SUCCESS) ? status : EFI_UNSUPPORTED;
}

/* ------------------------------------------------------------------------
 * Data path
 * ------------------------------------------------------------------------ */

/**
 * SNP GetStatus: poll, then report interrupt bits, one finished transmit
 * buffer, and the media state.
 *
 * @param This		Protocol instance
 * @param InterruptStatus	Pending interrupt bits out (then cleared)
 * @param TxBuf		A finished transmit buffer out, or NULL when none
 * @return		EFI_SUCCESS or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_get_status(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, UINT32 *InterruptStatus,
	VOID **TxBuf)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	struct bn_efi_nic *nic;
	EFI_TPL tpl;

	if (status != EFI_SUCCESS)
		return status;
	nic = bn_efi_nic_of(This);
	tpl = bn_efi_snp_lock();
	bn_efi_nic_poll(nic);
	if (InterruptStatus) {
		*InterruptStatus = nic->irq_status;
		if (nic->rx_count)
			*InterruptStatus |= EFI_SIMPLE_NETWORK_RECEIVE_INTERRUPT;
		nic->irq_status = 0;
	}
	if (TxBuf) {
		*TxBuf = NULL;
		if (nic->tx_count) {
			*TxBuf = nic->tx_done[nic->tx_head];
			nic->tx_head = (nic->tx_head + 1) % BN_EFI_TX_RING;
			nic->tx_count--;
		}
	}
	if (!nic->link_known)
		nic->mode.MediaPresent = TRUE;
	bn_efi_bs->RestoreTPL(tpl);
	return EFI_SUCCESS;
}

/**
 * SNP Transmit: fill in the media header if asked to, and send.
 *
 * @param This		Protocol instance
 * @param HeaderSize	0, or the media header size to fill in
 * @param BufferSize	Frame length including the header
 * @param Buffer	Frame (handed back through GetStatus())
 * @param SrcAddr	Source address (default: the current address)
 * @param DestAddr	Destination address (needed with @p HeaderSize)
 * @param Protocol	EtherType (needed with @p HeaderSize)
 * @return		EFI_SUCCESS, EFI_NOT_READY when the queue is full,
 *			EFI_BUFFER_TOO_SMALL, EFI_INVALID_PARAMETER,
 *			EFI_DEVICE_ERROR or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_transmit(
	EFI_SIMPLE_NETWORK_PROTOCOL *This, UINTN HeaderSize, UINTN BufferSize,
	VOID *Buffer, EFI_MAC_ADDRESS *SrcAddr, EFI_MAC_ADDRESS *DestAddr,
	UINT16 *Protocol)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	EFI_SIMPLE_NETWORK_MODE *mode;
	struct bn_efi_nic *nic;
	UINT8 *frame = Buffer;
	EFI_TPL tpl;
	int rc;

	if (status != EFI_SUCCESS)
		return status;
	mode = This->Mode;
	if (!Buffer)
		return EFI_INVALID_PARAMETER;
	if (HeaderSize) {
		if (HeaderSize != mode->MediaHeaderSize || !DestAddr ||
		    !Protocol)
			return EFI_INVALID_PARAMETER;
	}
	if (BufferSize < mode->MediaHeaderSize)
		return EFI_BUFFER_TOO_SMALL;
	if (BufferSize > mode->MediaHeaderSize + mode->MaxPacketSize)
		return EFI_INVALID_PARAMETER;
	if (HeaderSize) {
		bn_port_memcpy(frame, DestAddr, BN_ETH_ALEN);
		bn_port_memcpy(frame + BN_ETH_ALEN,
			       SrcAddr ? SrcAddr : &mode->CurrentAddress,
			       BN_ETH_ALEN);
		frame[BN_EFI_ETH_TYPE_OFFSET] = (UINT8)(*Protocol >> 8);
		frame[BN_EFI_ETH_TYPE_OFFSET + 1] = (UINT8)*Protocol;
	}
	nic = bn_efi_nic_of(This);
	tpl = bn_efi_snp_lock();
	/* Unplugged: an error, never EFI_NOT_READY (callers retry that) */
	if (!nic->nd) {
		status = EFI_DEVICE_ERROR;
		goto out;
	}
	/* Every buffer accepted must fit in the hand-back ring */
	if (nic->tx_inflight + nic->tx_count >= BN_EFI_TX_RING) {
		status = EFI_NOT_READY;
		goto out;
	}
	rc = bn_netdev_transmit(nic->nd, frame, BufferSize, Buffer);
	if (rc == -BN_ENOSPC) {
		bn_efi_nic_poll(nic);
		rc = bn_netdev_transmit(nic->nd, frame, BufferSize, Buffer);
	}
	if (rc == 0) {
		nic->tx_inflight++;
		/* UsbIo sent the frame before returning: hand the buffer
		 * back now rather than from the next poll */
		if (!nic->polling)
			bn_efi_usb_complete(&nic->usb);
	} else {
		status = (rc == -BN_ENOSPC) ? EFI_NOT_READY : EFI_DEVICE_ERROR;
	}
 out:
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/**
 * SNP Receive: take the oldest held frame without waiting.
 *
 * @param This		Protocol instance
 * @param HeaderSize	Media header size out
 * @param BufferSize	In: room in @p Buffer; out: the frame's length
 * @param Buffer	Frame out
 * @param SrcAddr	Source address out
 * @param DestAddr	Destination address out
 * @param Protocol	EtherType out
 * @return		EFI_SUCCESS, EFI_NOT_READY when nothing arrived,
 *			EFI_BUFFER_TOO_SMALL (the frame stays),
 *			EFI_INVALID_PARAMETER or a state error
 */
static EFI_STATUS EFIAPI bn_efi_snp_receive(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					    UINTN *HeaderSize,
					    UINTN *BufferSize, VOID *Buffer,
					    EFI_MAC_ADDRESS *SrcAddr,
					    EFI_MAC_ADDRESS *DestAddr,
					    UINT16 *Protocol)
{
	EFI_STATUS status = bn_efi_snp_check(This,
					     EfiSimpleNetworkInitialized);
	struct bn_efi_nic *nic;
	struct bn_efi_rx *slot;
	EFI_TPL tpl;

	if (status != EFI_SUCCESS)
		return status;
	if (!BufferSize || !Buffer)
		return EFI_INVALID_PARAMETER;
	nic = bn_efi_nic_of(This);
	tpl = bn_efi_snp_lock();
	if (!nic->rx_count) {
		/* The stack asks for a frame: the device is worth trying
		 * even right after the last one (see efi_usbio.c) */
		nic->usb.rx_wanted = true;
		bn_efi_nic_poll(nic);
		nic->usb.rx_wanted = false;
	}
	if (!nic->rx_count) {
		status = EFI_NOT_READY;
		goto out;
	}
	slot = &nic->rx[nic->rx_head];
	if (*BufferSize < slot->len) {
		*BufferSize = slot->len;
		status = EFI_BUFFER_TOO_SMALL;
		goto out;
	}
	bn_port_memcpy(Buffer, slot->data, slot->len);
	*BufferSize = slot->len;
	if (HeaderSize)
		*HeaderSize = BN_ETH_HLEN;
	if (DestAddr) {
		bn_port_memset(DestAddr, 0, sizeof(*DestAddr));
		bn_port_memcpy(DestAddr, slot->data, BN_ETH_ALEN);
	}
	if (SrcAddr) {
		bn_port_memset(SrcAddr, 0, sizeof(*SrcAddr));
		bn_port_memcpy(SrcAddr, slot->data + BN_ETH_ALEN, BN_ETH_ALEN);
	}
	if (Protocol)
		*Protocol = bn_get_be16(slot->data + BN_EFI_ETH_TYPE_OFFSET);
	nic->rx_head = (nic->rx_head + 1) % BN_EFI_RX_RING;
	nic->rx_count--;
 out:
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}

/* ------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------ */

/**
 * WaitForPacket check: signal the event while a frame is held.
 *
 * @param Event		WaitForPacket
 * @param Context	Interface
 */
static void EFIAPI bn_efi_snp_wait(EFI_EVENT Event, VOID *Context)
{
	struct bn_efi_nic *nic = Context;

	if (nic->rx_count)
		bn_efi_bs->SignalEvent(Event);
}

/**
 * Polling timer: poll unless the network stack polled recently.
 *
 * @param Event		The timer
 * @param Context	Interface
 */
static void EFIAPI bn_efi_snp_timer(EFI_EVENT Event, VOID *Context)
{
	struct bn_efi_nic *nic = Context;

	(void)Event;
	if (nic->mode.State != EfiSimpleNetworkInitialized)
		return;
	if (bn_port_clock_us() - nic->last_poll_us >= BN_EFI_TIMER_SKIP_US)
		bn_efi_nic_poll(nic);
}

EFI_STATUS bn_efi_snp_init(struct bn_efi_nic *nic)
{
	EFI_SIMPLE_NETWORK_MODE *mode = &nic->mode;
	struct bn_netdev *nd = nic->nd;
	EFI_STATUS status;

	mode->State = EfiSimpleNetworkStopped;
	mode->HwAddressSize = BN_ETH_ALEN;
	mode->MediaHeaderSize = BN_ETH_HLEN;
	mode->MaxPacketSize = BN_ETH_FRAME_MAX - BN_ETH_HLEN;
	mode->ReceiveFilterMask = BN_EFI_RX_FILTERS;
	mode->MaxMCastFilterCount = MAX_MCAST_FILTER_CNT;
	bn_port_memcpy(&mode->CurrentAddress, nd->addr, BN_ETH_ALEN);
	bn_port_memcpy(&mode->PermanentAddress, nd->perm_addr, BN_ETH_ALEN);
	bn_port_memset(&mode->BroadcastAddress, 0xff, BN_ETH_ALEN);
	mode->IfType = BN_EFI_IFTYPE_ETHERNET;
	mode->MacAddressChangeable = FALSE;
	mode->MultipleTxSupported = TRUE;
	mode->MediaPresentSupported = TRUE;
	mode->MediaPresent = TRUE;

	nic->snp.Revision = EFI_SIMPLE_NETWORK_PROTOCOL_REVISION;
	nic->snp.Start = bn_efi_snp_start;
	nic->snp.Stop = bn_efi_snp_stop;
	nic->snp.Initialize = bn_efi_snp_initialize;
	nic->snp.Reset = bn_efi_snp_reset;
	nic->snp.Shutdown = bn_efi_snp_shutdown;
	nic->snp.ReceiveFilters = bn_efi_snp_receive_filters;
	nic->snp.StationAddress = bn_efi_snp_station_address;
	nic->snp.Statistics = bn_efi_snp_statistics;
	nic->snp.MCastIpToMac = bn_efi_snp_mcast_ip_to_mac;
	nic->snp.NvData = bn_efi_snp_nvdata;
	nic->snp.GetStatus = bn_efi_snp_get_status;
	nic->snp.Transmit = bn_efi_snp_transmit;
	nic->snp.Receive = bn_efi_snp_receive;
	nic->snp.Mode = mode;

	status = bn_efi_bs->CreateEvent(EVT_NOTIFY_WAIT, TPL_NOTIFY,
					bn_efi_snp_wait, nic,
					&nic->snp.WaitForPacket);
	if (status != EFI_SUCCESS)
		return status;
	status = bn_efi_bs->CreateEvent(EVT_TIMER | EVT_NOTIFY_SIGNAL,
					TPL_CALLBACK, bn_efi_snp_timer, nic,
					&nic->timer);
	if (status != EFI_SUCCESS) {
		bn_efi_bs->CloseEvent(nic->snp.WaitForPacket);
		nic->snp.WaitForPacket = NULL;
	}
	return status;
}

void bn_efi_snp_fini(struct bn_efi_nic *nic)
{
	EFI_TPL tpl;

	if (nic->timer) {
		tpl = bn_efi_snp_lock();
		if (nic->mode.State == EfiSimpleNetworkInitialized)
			bn_efi_snp_close(nic);
		nic->mode.State = EfiSimpleNetworkStopped;
		bn_efi_bs->RestoreTPL(tpl);
		bn_efi_bs->CloseEvent(nic->timer);
		nic->timer = NULL;
	}
	if (nic->snp.WaitForPacket) {
		bn_efi_bs->CloseEvent(nic->snp.WaitForPacket);
		nic->snp.WaitForPacket = NULL;
	}
}

void bn_efi_snp_detach(struct bn_efi_nic *nic)
{
	EFI_TPL tpl = bn_efi_snp_lock();

	/* Closing hands the buffers of unfinished transmits back (GetStatus) */
	if (nic->mode.State == EfiSimpleNetworkInitialized && nic->nd)
		bn_netdev_close(nic->nd);
	nic->rx_head = 0;
	nic->rx_count = 0;
	nic->tx_inflight = 0;
	nic->link_known = true;
	nic->mode.MediaPresent = FALSE;
	bn_efi_bs->RestoreTPL(tpl);
}

EFI_STATUS bn_efi_snp_attach(struct bn_efi_nic *nic)
{
	EFI_STATUS status = EFI_SUCCESS;
	EFI_TPL tpl = bn_efi_snp_lock();

	nic->link_known = false;
	nic->mode.MediaPresent = TRUE;
	if (nic->mode.State == EfiSimpleNetworkInitialized) {
		if (bn_netdev_open(nic->nd) < 0 ||
		    bn_efi_snp_apply_filter(nic) < 0) {
			nic->link_known = true;
			nic->mode.MediaPresent = FALSE;
			status = EFI_DEVICE_ERROR;
		}
	}
	bn_efi_bs->RestoreTPL(tpl);
	return status;
}
